namespace Observatory.LoadTest.Scenarios;

/// <summary>Shared result printing for the latency scenarios: one row per run, so tables from several runs stack.</summary>
public static class Report
{
    public static void PrintLatency(LoadTestOptions options, string scenario, ClosedLoopResult result, string success)
    {
        var table = new MarkdownTable("scenario", "target", "conc", "requests", "ok", "errors", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms");
        table.Row(
            scenario,
            options.Url.GetLeftPart(UriPartial.Authority),
            options.Concurrency,
            result.Sent,
            result.Outcomes.CountOf(success),
            result.Outcomes.ErrorCount(success),
            result.RequestsPerSecond,
            result.Latency.Percentile(50),
            result.Latency.Percentile(90),
            result.Latency.Percentile(99),
            result.Latency.Max);
        Console.WriteLine();
        Console.Write(table);
        PrintErrors(result.Outcomes, success);
        if (result.StoppedByDuration)
        {
            Console.WriteLine($"\nStopped by --duration {options.EffectiveDuration.TotalSeconds:0}s after {result.Sent} of the {options.Requests} requests.");
        }
    }

    public static void PrintErrors(Outcomes outcomes, params string[] success)
    {
        if (outcomes.ErrorCount(success) == 0)
        {
            return;
        }

        Console.WriteLine($"\nErrors by status: {outcomes.Describe(success)}");
        foreach ((string outcome, string detail) in outcomes.FirstDetails(success))
        {
            Console.WriteLine($"- first {outcome}: {detail.ReplaceLineEndings(" ")}");
        }
    }
}
