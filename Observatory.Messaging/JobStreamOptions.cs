using System.ComponentModel.DataAnnotations;

namespace Observatory.Messaging;

/// <summary>Bound from <c>Observatory:Queue</c>.</summary>
public sealed class JobStreamOptions
{
    public const string Section = "Observatory:Queue";

    [Required] public string StreamPrefix { get; set; } = "observatory:jobs";
    [Required] public string ConsumerGroup { get; set; } = "analysis-workers";
    [Required] public string DeadLetterStream { get; set; } = "observatory:jobs:dead";

    /// <summary>How long an entry may sit unacknowledged with a consumer before another one reclaims it.</summary>
    public TimeSpan ClaimIdleTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An entry handed out more often than this fails its analysis as <c>poison</c>.</summary>
    [Range(1, 100)] public int MaxDeliveries { get; set; } = 5;

    /// <summary>Approximate cap on each stream's length, so an unconsumed stream cannot grow without bound.</summary>
    [Range(1000, 100_000_000)] public int MaxStreamLength { get; set; } = 1_000_000;

    public string StreamFor(JobPriority priority) => $"{StreamPrefix}:{priority.ToWire()}";
}
