namespace Observatory.LoadTest.Scenarios;

/// <summary>C clients POST small conversations back to back: how fast is accepting work (202)?</summary>
public static class SubmitLatencyScenario
{
    public static async Task<int> RunAsync(LoadTestOptions options, CancellationToken cancellationToken)
    {
        var generator = new ConversationGenerator(options.Seed, options.Messages);
        byte[][] bodies = generator.Bodies(0, options.Warmup + options.Requests);
        using var client = new LoadClient(options, options.Concurrency);

        Func<int, Exchange, bool> accepted = static (_, exchange) => exchange.Status == 202;
        if (options.Warmup > 0)
        {
            ClosedLoopResult warmup = await ClosedLoop.RunAsync(
                "warm-up", options.Concurrency, options.Warmup, options.EffectiveDuration,
                (i, ct) => client.PostJsonAsync(Api.AnalyzePath, bodies[i], ct), accepted, cancellationToken);
            if (warmup.Outcomes.CountOf("202") == 0)
            {
                throw new SetupException($"No warm-up submission was accepted: {warmup.Outcomes.Describe("202")}; "
                    + string.Join("; ", warmup.Outcomes.FirstDetails("202").Select(d => $"{d.Outcome}: {d.Detail}")));
            }
        }

        ClosedLoopResult result = await ClosedLoop.RunAsync(
            "submit", options.Concurrency, options.Requests, options.EffectiveDuration,
            (i, ct) => client.PostJsonAsync(Api.AnalyzePath, bodies[options.Warmup + i], ct), accepted, cancellationToken, options.Rate);

        Report.PrintLatency(options, "submit-latency", result, "202");
        Console.WriteLine($"\n{options.Warmup} warm-up + {result.Sent} measured POST {Api.AnalyzePath}, {options.Messages - 2}–{options.Messages} messages each, seed {options.Seed}; latency of 202 answers only.");
        return result.Outcomes.ErrorCount("202") == 0 ? 0 : 1;
    }
}
