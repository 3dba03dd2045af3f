namespace Observatory.LoadTest.Scenarios;

/// <summary>
/// C clients GET one completed analysis back to back. Point --url at the gateway and then at the ApiService
/// directly to see what the gateway hop costs (with --id to read the same analysis both times).
/// </summary>
public static class GetLatencyScenario
{
    public static async Task<int> RunAsync(LoadTestOptions options, CancellationToken cancellationToken)
    {
        using var client = new LoadClient(options, options.Concurrency);
        string id = options.Id
            ?? await Api.CreateAndAwaitAsync(client, new ConversationGenerator(options.Seed, options.Messages).Body(0), cancellationToken);
        string path = Api.AnalysisPath(id);

        Func<int, Exchange, bool> ok = static (_, exchange) => exchange.Status == 200;
        if (options.Warmup > 0)
        {
            ClosedLoopResult warmup = await ClosedLoop.RunAsync(
                "warm-up", options.Concurrency, options.Warmup, options.EffectiveDuration,
                (_, ct) => client.GetAsync(path, ct), ok, cancellationToken);
            if (warmup.Outcomes.CountOf("200") == 0)
            {
                throw new SetupException($"No warm-up read succeeded: {warmup.Outcomes.Describe("200")}; "
                    + string.Join("; ", warmup.Outcomes.FirstDetails("200").Select(d => $"{d.Outcome}: {d.Detail}")));
            }
        }

        ClosedLoopResult result = await ClosedLoop.RunAsync(
            "get", options.Concurrency, options.Requests, options.EffectiveDuration,
            (_, ct) => client.GetAsync(path, ct), ok, cancellationToken, options.Rate);

        Report.PrintLatency(options, "get-latency", result, "200");
        Console.WriteLine($"\n{options.Warmup} warm-up + {result.Sent} measured GET /{path}; latency of 200 answers only.");
        return result.Outcomes.ErrorCount("200") == 0 ? 0 : 1;
    }
}
