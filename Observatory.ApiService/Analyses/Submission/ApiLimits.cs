using System.ComponentModel.DataAnnotations;

namespace Observatory.ApiService.Analyses.Submission;

/// <summary>Request limits (CONTRACT §2). Bound from <c>Observatory:Limits</c>.</summary>
public sealed class ApiLimits
{
    public const string Section = "Observatory:Limits";

    [Range(1, 1_000_000)] public int MaxMessages { get; set; } = 10_000;
    [Range(1024, 1L << 34)] public long MaxAnalysisBodyBytes { get; set; } = 4L * 1024 * 1024;
    [Range(1024, 1L << 34)] public long MaxBatchBodyBytes { get; set; } = 32L * 1024 * 1024;
    [Range(1, 100_000)] public int MaxBatchConversations { get; set; } = 1_000;
    [Range(0, 1000)] public int MaxMetadataPairs { get; set; } = 32;
    [Range(1, 100_000)] public int MaxTitleLength { get; set; } = 500;
}
