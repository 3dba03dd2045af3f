using System.Collections.Concurrent;
using System.Diagnostics;

namespace Observatory.LoadTest.Scenarios;

/// <summary>
/// Submit M conversations with C submitters, then poll every analysis until it is terminal. Reports analyses per
/// second end to end — by wall clock (first submit → last terminal answer seen) and by the API's own times (first
/// created_at → last completed_at) — and where each analysis spent its time.
/// </summary>
public static class ThroughputScenario
{
    /// <summary>An analysis whose reads fail this many times in a row is given up on (and reported).</summary>
    private const int MaxConsecutivePollErrors = 20;

    public static async Task<int> RunAsync(LoadTestOptions options, CancellationToken cancellationToken)
    {
        int total = options.Conversations;
        var generator = new ConversationGenerator(options.Seed, options.Messages);
        byte[][] bodies = generator.Bodies(1_000_000, total); // other indices than submit-latency's
        using var client = new LoadClient(options, options.Concurrency);

        var ids = new string?[total];
        long started = Stopwatch.GetTimestamp();
        long deadline = started + (long)(options.EffectiveDuration.TotalSeconds * Stopwatch.Frequency);
        ClosedLoopResult submit = await ClosedLoop.RunAsync(
            "submit", options.Concurrency, total, options.EffectiveDuration,
            (i, ct) => client.PostJsonAsync(Api.AnalyzePath, bodies[i], ct),
            (i, exchange) =>
            {
                if (exchange.Status != 202)
                {
                    return false;
                }

                ids[i] = Api.ReadAccepted(exchange.Body).Id;
                return ids[i] is not null;
            },
            cancellationToken);
        TimeSpan submitPhase = Stopwatch.GetElapsedTime(started);

        var snapshots = new AnalysisSnapshot?[total];
        var observedTicks = new long[total];
        var pollOutcomes = new Outcomes();
        int polls = 0;
        int[] order = Enumerable.Range(0, total).Where(i => ids[i] is not null).ToArray();
        int nextToWatch = -1;
        int givenUp = 0;
        int watched = 0;

        // Few pollers, each following one analysis (in submission order, which is roughly the order the worker
        // takes them) until it is terminal, then the next one. Most analyses are therefore read once or twice:
        // reading is not free (a GET records last_read_at), and a flood of polls would slow down what it measures.
        int pollers = Math.Min(options.Concurrency, options.Pollers);
        using (Progress.Start("terminal", () => Volatile.Read(ref watched), order.Length))
        {
            var tasks = Enumerable.Range(0, pollers).Select(_ => Task.Run(async () =>
            {
                while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < deadline)
                {
                    int position = Interlocked.Increment(ref nextToWatch);
                    if (position >= order.Length)
                    {
                        return;
                    }

                    int i = order[position];
                    int consecutiveErrors = 0;
                    while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < deadline)
                    {
                        Exchange read = await client.GetAsync(Api.AnalysisPath(ids[i]!), cancellationToken).ConfigureAwait(false);
                        Interlocked.Increment(ref polls);
                        AnalysisSnapshot? snapshot = read.Status == 200 ? Api.ReadAnalysis(read.Body) : null;
                        if (snapshot is null)
                        {
                            pollOutcomes.Add(read.Outcome, read.BodySnippet);
                            if (++consecutiveErrors >= MaxConsecutivePollErrors)
                            {
                                Interlocked.Increment(ref givenUp);
                                break;
                            }
                        }
                        else
                        {
                            pollOutcomes.Add(read.Outcome);
                            consecutiveErrors = 0;
                            if (Api.IsTerminal(snapshot.Status))
                            {
                                snapshots[i] = snapshot;
                                observedTicks[i] = Stopwatch.GetTimestamp();
                                break;
                            }
                        }

                        await Task.Delay(options.PollInterval, cancellationToken).ConfigureAwait(false);
                    }

                    Interlocked.Increment(ref watched);
                }
            }, cancellationToken)).ToArray();
            try
            {
                await Task.WhenAll(tasks).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl-C: report what was seen.
            }
        }

        PrintReport(options, submit, submitPhase, started, snapshots, observedTicks, polls, pollOutcomes, givenUp);
        int terminal = snapshots.Count(s => s is not null);
        bool allCompleted = snapshots.All(s => s?.Status == "completed");
        return allCompleted && terminal == total ? 0 : 1;
    }

    private static void PrintReport(
        LoadTestOptions options, ClosedLoopResult submit, TimeSpan submitPhase, long started,
        AnalysisSnapshot?[] snapshots, long[] observedTicks, int polls, Outcomes pollOutcomes, int givenUp)
    {
        int total = snapshots.Length;
        var seen = snapshots.Where(s => s is not null).Select(s => s!).ToList();
        var completed = seen.Where(s => s.Status == "completed").ToList();
        int failed = seen.Count(s => s.Status == "failed");
        int cancelled = seen.Count(s => s.Status == "cancelled");
        int accepted = submit.Outcomes.CountOf("202");
        int unfinished = accepted - seen.Count;

        long lastObserved = observedTicks.Where(t => t != 0).DefaultIfEmpty(started).Max();
        double wallSeconds = (lastObserved - started) / (double)Stopwatch.Frequency;

        DateTimeOffset? firstCreated = seen.Select(s => s.CreatedAt).Where(t => t is not null).Min();
        DateTimeOffset? firstStarted = seen.Select(s => s.StartedAt).Where(t => t is not null).Min();
        DateTimeOffset? lastCompleted = completed.Select(s => s.CompletedAt).Where(t => t is not null).Max();
        double? apiSeconds = firstCreated is { } c && lastCompleted is { } l ? (l - c).TotalSeconds : null;
        double? workerSeconds = firstStarted is { } f && lastCompleted is { } l2 ? (l2 - f).TotalSeconds : null;

        var endToEnd = new LatencyStats(completed.Where(s => s.CreatedAt is not null && s.CompletedAt is not null)
            .Select(s => (s.CompletedAt!.Value - s.CreatedAt!.Value).TotalMilliseconds));
        var untilStarted = new LatencyStats(seen.Where(s => s.CreatedAt is not null && s.StartedAt is not null)
            .Select(s => (s.StartedAt!.Value - s.CreatedAt!.Value).TotalMilliseconds));
        var startedToCompleted = new LatencyStats(completed.Where(s => s.StartedAt is not null && s.CompletedAt is not null)
            .Select(s => (s.CompletedAt!.Value - s.StartedAt!.Value).TotalMilliseconds));
        var queueMs = new LatencyStats(completed.Where(s => s.QueueMs is not null).Select(s => (double)s.QueueMs!.Value));
        var analysisMs = new LatencyStats(completed.Where(s => s.AnalysisMs is not null).Select(s => (double)s.AnalysisMs!.Value));

        static string Pair(LatencyStats stats) => $"{MarkdownTable.Format(stats.Percentile(50))} / {MarkdownTable.Format(stats.Percentile(99))} / {MarkdownTable.Format(stats.Max)}";

        var table = new MarkdownTable("metric", "value");
        table.Row("target", $"{options.Url.GetLeftPart(UriPartial.Authority)}, {total} conversations of {options.Messages - 2}–{options.Messages} messages, concurrency {options.Concurrency}");
        table.Row("submitted (202) / submit errors", $"{accepted} / {submit.Outcomes.ErrorCount("202")}");
        table.Row("submit phase: s, req/s, p50 / p99 ms", $"{MarkdownTable.Format(submitPhase.TotalSeconds)} s, {MarkdownTable.Format(submit.RequestsPerSecond)} req/s, {MarkdownTable.Format(submit.Latency.Percentile(50))} / {MarkdownTable.Format(submit.Latency.Percentile(99))}");
        table.Row("completed / failed / cancelled / unfinished", $"{completed.Count} / {failed} / {cancelled} / {unfinished}");
        table.Row("**analyses/s, wall clock** (first submit → last terminal seen)", $"**{MarkdownTable.Format(completed.Count / wallSeconds)}** ({MarkdownTable.Format(wallSeconds)} s)");
        table.Row("**analyses/s, API** (first created_at → last completed_at)", apiSeconds is > 0 ? $"**{MarkdownTable.Format(completed.Count / apiSeconds.Value)}** ({MarkdownTable.Format(apiSeconds.Value)} s)" : "—");
        table.Row("analyses/s, worker (first started_at → last completed_at)", workerSeconds is > 0 ? $"{MarkdownTable.Format(completed.Count / workerSeconds.Value)} ({MarkdownTable.Format(workerSeconds.Value)} s)" : "—");
        table.Row("completed_at − created_at ms p50 / p99 / max", Pair(endToEnd));
        table.Row("started_at − created_at ms p50 / p99 / max", Pair(untilStarted));
        table.Row("completed_at − started_at ms p50 / p99 / max", Pair(startedToCompleted));
        table.Row("result.timings.queue_ms p50 / p99 / max", Pair(queueMs));
        table.Row("result.timings.analysis_ms p50 / p99 / max", Pair(analysisMs));
        table.Row("status polls (GET) / poll errors", $"{polls} / {pollOutcomes.ErrorCount("200")} ({Math.Min(options.Concurrency, options.Pollers)} pollers, every {options.PollInterval.TotalMilliseconds:0} ms)");
        Console.WriteLine();
        Console.Write(table);

        Report.PrintErrors(submit.Outcomes, "202");
        Report.PrintErrors(pollOutcomes, "200");
        var failures = seen.Where(s => s.Status != "completed").GroupBy(s => $"{s.Status}:{s.ErrorCode ?? "-"}").ToList();
        if (failures.Count > 0)
        {
            Console.WriteLine("\nNot completed: " + string.Join(", ", failures.Select(g => $"{g.Key}×{g.Count()}")));
        }

        if (unfinished > 0)
        {
            Console.WriteLine($"\n{unfinished} analyses were not terminal when the run stopped ({givenUp} given up after {MaxConsecutivePollErrors} failed reads; --duration {options.EffectiveDuration.TotalSeconds:0}s).");
        }
    }
}
