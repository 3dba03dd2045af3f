using System.ComponentModel.DataAnnotations;

namespace Observatory.Data.Batches;

/// <summary>Bound from <c>Observatory:Batches</c>.</summary>
public sealed class BatchAggregationOptions
{
    public const string Section = "Observatory:Batches";

    /// <summary>A cluster with fewer conversations than this shows no excerpts (they could identify someone).</summary>
    [Range(1, 1000)] public int MinClusterSize { get; set; } = 3;

    /// <summary>How often the worker looks for batches whose last item ended without it (e.g. cancelled by the API
    /// while the API itself could not finalize).</summary>
    public TimeSpan FinalizeScanInterval { get; set; } = TimeSpan.FromSeconds(5);
}
