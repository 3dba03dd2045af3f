using System.ComponentModel.DataAnnotations;

namespace Observatory.ApiService.Queueing;

/// <summary>Bound from <c>Observatory:Queueing</c>.</summary>
public sealed class QueueingOptions
{
    public const string Section = "Observatory:Queueing";

    /// <summary>How often the relay looks for unpublished rows when nothing woke it.</summary>
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 10_000)] public int RelayBatchSize { get; set; } = 500;

    /// <summary>How often the stalled-job sweeper runs.</summary>
    public TimeSpan StalledSweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A queued analysis not picked up this long after it was published (or a running one whose worker
    /// lease expired this long ago) is published again. Covers Redis losing its data; duplicates are harmless
    /// because a worker only starts an analysis with a conditional update.</summary>
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromMinutes(2);
}
