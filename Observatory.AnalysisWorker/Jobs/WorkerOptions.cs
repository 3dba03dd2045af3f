using System.ComponentModel.DataAnnotations;

namespace Observatory.AnalysisWorker.Jobs;

/// <summary>Bound from <c>Observatory:Worker</c>.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Observatory:Worker";

    /// <summary>Analyses run at once by this process. A job is mostly round trips to PostgreSQL, Redis and (when
    /// configured) the LLM, with a short CPU-bound engine run in between, so several per core keep the CPU busy.</summary>
    [Range(1, 256)] public int Concurrency { get; set; } = Math.Max(4, 4 * Environment.ProcessorCount);

    /// <summary>How long a worker's claim on a running analysis lasts without renewal. A worker that dies is
    /// replaced once its lease lapses (and its stream entry has been idle for the claim idle time).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often to look for stream entries abandoned by dead consumers.</summary>
    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a blocking stream read waits before looping (bounds shutdown latency).</summary>
    public TimeSpan ReadBlock { get; set; } = TimeSpan.FromSeconds(1);
}
