using System.Diagnostics;

namespace Observatory.LoadTest;

/// <summary>What a closed-loop run measured.</summary>
public sealed record ClosedLoopResult(LatencyStats Latency, Outcomes Outcomes, int Sent, TimeSpan Elapsed, bool StoppedByDuration)
{
    public double RequestsPerSecond => Sent / Elapsed.TotalSeconds;
}

/// <summary>
/// C workers, each sending its next request as soon as the previous one answered (or, paced, when it is due), until <c>total</c> requests were
/// sent or the time bound passed (a request in flight then still completes and counts). Latencies of the expected
/// status only go into the percentiles; every outcome is counted.
/// </summary>
public static class ClosedLoop
{
    public static async Task<ClosedLoopResult> RunAsync(
        string label,
        int concurrency,
        int total,
        TimeSpan duration,
        Func<int, CancellationToken, Task<Exchange>> send,
        Func<int, Exchange, bool> isSuccess,
        CancellationToken cancellationToken,
        double? ratePerSecond = null)
    {
        var outcomes = new Outcomes();
        var samples = new List<long>[concurrency];
        int next = -1;
        int sent = 0;
        bool stoppedByDuration = false;
        long started = Stopwatch.GetTimestamp();
        long deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        using var progress = Progress.Start(label, () => Volatile.Read(ref sent), total);
        var workers = new Task[concurrency];
        for (int w = 0; w < concurrency; w++)
        {
            var mine = samples[w] = new List<long>(total / concurrency + 1);
            workers[w] = Task.Run(async () =>
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    if (Stopwatch.GetTimestamp() >= deadline)
                    {
                        stoppedByDuration = true;
                        return;
                    }

                    int index = Interlocked.Increment(ref next);
                    if (index >= total)
                    {
                        return;
                    }

                    // Paced: request i is due at started + i/rate. When this client was still busy at that moment
                    // (the server fell behind), its latency counts from when it was due, so queueing shows instead of
                    // silently slowing the clients down; when the client was idle, it counts from the send, so the
                    // timer's own lateness is not blamed on the server.
                    long? due = null;
                    if (ratePerSecond is { } rate)
                    {
                        long scheduled = started + (long)(index / rate * Stopwatch.Frequency);
                        long freeAt = Stopwatch.GetTimestamp();
                        TimeSpan wait = Stopwatch.GetElapsedTime(freeAt, scheduled);
                        if (wait > TimeSpan.Zero)
                        {
                            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                        }
                        else
                        {
                            due = scheduled;
                        }
                    }

                    Exchange exchange = await send(index, cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref sent);
                    if (isSuccess(index, exchange))
                    {
                        mine.Add(due is { } late ? Stopwatch.GetTimestamp() - late : exchange.ElapsedTicks);
                        outcomes.Add(exchange.Outcome);
                    }
                    else
                    {
                        outcomes.Add(exchange.Outcome, exchange.BodySnippet);
                    }
                }
            }, cancellationToken);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
        return new ClosedLoopResult(LatencyStats.FromTicks(samples.SelectMany(s => s)), outcomes, sent, elapsed, stoppedByDuration && sent < total);
    }
}

/// <summary>A line on stderr every 5 s so a long run is visibly alive; stdout stays for the results.</summary>
public sealed class Progress : IDisposable
{
    private readonly Timer _timer;

    private Progress(string label, Func<int> done, int total)
    {
        long started = Stopwatch.GetTimestamp();
        _timer = new Timer(_ => Console.Error.WriteLine($"  {label}: {done()}/{total} after {Stopwatch.GetElapsedTime(started).TotalSeconds:0}s"), null, 5_000, 5_000);
    }

    public static Progress Start(string label, Func<int> done, int total) => new(label, done, total);

    public void Dispose() => _timer.Dispose();
}
