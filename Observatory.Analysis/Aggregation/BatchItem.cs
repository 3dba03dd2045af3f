namespace Observatory.Analysis.Aggregation;

/// <summary>
/// One conversation of a batch as the aggregate sees it: the caller's ref, the item's terminal status
/// (<see cref="Completed"/>, <see cref="Failed"/> or <see cref="Cancelled"/>) and, for a completed item, its digest.
/// </summary>
public sealed record BatchItem(string Ref, string Status, ConversationDigest? Digest)
{
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
