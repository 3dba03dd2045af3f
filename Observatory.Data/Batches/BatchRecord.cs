namespace Observatory.Data.Batches;

/// <summary>A batch of analyses submitted together (CONTRACT §4). Its items are ordinary rows of
/// <c>analyses</c> with <c>batch_id</c>, <c>batch_index</c> and <c>batch_ref</c> set; counts are read from them.</summary>
public sealed class BatchRecord
{
    public Guid Id { get; set; }

    /// <summary>Principal that created it; null for public callers (anyone holding the id may read it).</summary>
    public string? Owner { get; set; }
    public string OwnerTier { get; set; } = "public";

    public string? Title { get; set; }

    /// <summary>0 high, 1 normal, 2 low — the same scale as <c>analyses.priority</c>.</summary>
    public short Priority { get; set; } = 1;

    /// <summary>Options shared by every item (patterns, llm mode, callback), as a JSON object.</summary>
    public string OptionsJson { get; set; } = "{}";

    public int Total { get; set; }

    /// <summary><see cref="BatchStatus.Queued"/> until finalized; then completed or cancelled. Running is derived
    /// from the items' counts when read.</summary>
    public string Status { get; set; } = BatchStatus.Queued;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CancelRequestedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The cross-conversation aggregate, written once when every item is terminal.</summary>
    public string? AggregateJson { get; set; }

    public string? TraceParent { get; set; }
}
