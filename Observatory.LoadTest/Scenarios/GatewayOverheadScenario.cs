using System.Globalization;

namespace Observatory.LoadTest.Scenarios;

/// <summary>
/// What the gateway hop costs (issue 4): the same GET of one completed analysis, R rounds, each a run straight at the
/// ApiService (<c>--direct-url</c>) followed by a run through the gateway (<c>--url</c>, with <c>--api-key</c>).
/// Alternating cancels out drift on a shared machine; the median of the per-round p50 ratios is the headline.
/// Without <c>--id</c> the analysis is created through the gateway without a credential, so it is public and both
/// paths may read it (the ApiService ignores identity a client claims directly).
/// </summary>
public static class GatewayOverheadScenario
{
    public static async Task<int> RunAsync(LoadTestOptions options, CancellationToken cancellationToken)
    {
        if (options.DirectUrl is null) throw new SetupException("gateway-overhead needs --direct-url, the ApiService's own address.");
        var direct = options with { Url = options.DirectUrl };
        using var viaGateway = new LoadClient(options, options.Concurrency);
        using var straight = new LoadClient(direct, options.Concurrency);

        string id = options.Id ?? await CreatePublicAnalysisAsync(options, cancellationToken);
        string path = Api.AnalysisPath(id);
        Func<int, Exchange, bool> ok = static (_, exchange) => exchange.Status == 200;

        Task<ClosedLoopResult> Run(LoadClient client, string label, int requests) => ClosedLoop.RunAsync(
            label, options.Concurrency, requests, options.EffectiveDuration, (_, ct) => client.GetAsync(path, ct), ok, cancellationToken, options.Rate);

        foreach (var (client, label) in new[] { (straight, "warm-up direct"), (viaGateway, "warm-up gateway") })
        {
            if (options.Warmup == 0) break;
            ClosedLoopResult warmup = await Run(client, label, options.Warmup);
            if (warmup.Outcomes.CountOf("200") == 0)
            {
                throw new SetupException($"No {label} read succeeded: {warmup.Outcomes.Describe("200")}; "
                    + string.Join("; ", warmup.Outcomes.FirstDetails("200").Select(d => $"{d.Outcome}: {d.Detail}")));
            }
        }

        var table = new MarkdownTable("round", "path", "conc", "ok", "errors", "req/s", "p50 ms", "p99 ms", "p50 ratio", "p99 ratio");
        var p50Ratios = new List<double>();
        var p99Ratios = new List<double>();
        int errors = 0;
        for (int round = 1; round <= options.Rounds && !cancellationToken.IsCancellationRequested; round++)
        {
            ClosedLoopResult d = await Run(straight, $"round {round} direct", options.Requests);
            ClosedLoopResult g = await Run(viaGateway, $"round {round} gateway", options.Requests);
            errors += d.Outcomes.ErrorCount("200") + g.Outcomes.ErrorCount("200");
            double p50 = g.Latency.Percentile(50) / d.Latency.Percentile(50);
            double p99 = g.Latency.Percentile(99) / d.Latency.Percentile(99);
            bool measured = d.Latency.Count > 0 && g.Latency.Count > 0; // a run with no 200 has no latency to compare
            if (measured)
            {
                p50Ratios.Add(p50);
                p99Ratios.Add(p99);
            }
            table.Row(round, "direct", options.Concurrency, d.Outcomes.CountOf("200"), d.Outcomes.ErrorCount("200"), d.RequestsPerSecond,
                d.Latency.Percentile(50), d.Latency.Percentile(99), "", "");
            table.Row(round, "gateway", options.Concurrency, g.Outcomes.CountOf("200"), g.Outcomes.ErrorCount("200"), g.RequestsPerSecond,
                g.Latency.Percentile(50), g.Latency.Percentile(99), measured ? Ratio(p50) : "—", measured ? Ratio(p99) : "—");
        }

        Console.WriteLine();
        Console.Write(table);
        string pacing = options.Rate is { } rate ? $"paced at {rate:0} req/s (latency counted from when each request was due)" : "closed loop";
        Console.WriteLine($"\nGET /{path}, {options.Requests} requests per run, {pacing}; gateway {options.Url.GetLeftPart(UriPartial.Authority)}, " +
            $"direct {options.DirectUrl.GetLeftPart(UriPartial.Authority)}.");
        if (p50Ratios.Count > 0)
            Console.WriteLine($"Median over {p50Ratios.Count} round(s): p50 ratio {Ratio(Median(p50Ratios))}, p99 ratio {Ratio(Median(p99Ratios))} (gateway ÷ direct).");
        return errors == 0 ? 0 : 1;
    }

    private static async Task<string> CreatePublicAnalysisAsync(LoadTestOptions options, CancellationToken cancellationToken)
    {
        using var anonymous = new LoadClient(options with { ApiKey = null }, 1);
        return await Api.CreateAndAwaitAsync(anonymous, new ConversationGenerator(options.Seed, options.Messages).Body(0), cancellationToken);
    }

    private static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
