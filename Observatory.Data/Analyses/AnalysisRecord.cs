namespace Observatory.Data.Analyses;

/// <summary>One analysis request and, once finished, its result. The conversation text lives in
/// <see cref="AnalysisPayload"/> only until the analysis is terminal.</summary>
public sealed class AnalysisRecord
{
    public Guid Id { get; set; }

    /// <summary>Principal that created it (e.g. <c>key:…</c>, <c>jwt:…</c>); null for public callers, whose
    /// resources anyone holding the id may read.</summary>
    public string? Owner { get; set; }
    public string OwnerTier { get; set; } = "public";

    public string Status { get; set; } = AnalysisStatus.Queued;
    public double Progress { get; set; }
    public string? Title { get; set; }

    /// <summary>Caller metadata (string → string), as a JSON object.</summary>
    public string MetadataJson { get; set; } = "{}";

    /// <summary>Requested options (patterns, llm mode, callback), as a JSON object.</summary>
    public string OptionsJson { get; set; } = "{}";

    public int MessageCount { get; set; }
    public Guid? BatchId { get; set; }

    /// <summary>Position in its batch (0-based) and the caller's reference for it (defaults to the index).</summary>
    public int? BatchIndex { get; set; }
    public string? BatchRef { get; set; }

    /// <summary>0 high, 1 normal, 2 low: which job stream the analysis is published to.</summary>
    public short Priority { get; set; } = 1;

    /// <summary>Idempotency is per principal: <see cref="IdempotencyScope"/> is the owner, or the client
    /// address for public callers.</summary>
    public string? IdempotencyScope { get; set; }
    public string? IdempotencyKey { get; set; }
    public string? RequestHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? LastReadAt { get; set; }

    /// <summary>When the job was last handed to the queue; the stalled-job sweeper re-publishes from here.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The worker holding a running analysis, and until when; an expired lease may be taken over.</summary>
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>The engine's result JSON, kept byte-for-byte as produced (json, not jsonb).</summary>
    public string? ResultJson { get; set; }
    public DateTimeOffset? ResultDeletedAt { get; set; }

    /// <summary>A compact digest of the result (<c>Observatory.Analysis.Aggregation.ConversationDigest</c>) for
    /// batch aggregates and daily insights; survives result retention.</summary>
    public string? DigestJson { get; set; }

    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }

    /// <summary>W3C traceparent of the request that created it, so the worker continues the same trace.</summary>
    public string? TraceParent { get; set; }
}
