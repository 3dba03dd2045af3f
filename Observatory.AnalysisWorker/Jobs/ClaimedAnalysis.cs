using Observatory.Analysis;
using Observatory.Data.Analyses;

namespace Observatory.AnalysisWorker.Jobs;

/// <summary>An analysis this worker has moved to running and holds the lease on.</summary>
public sealed record ClaimedAnalysis(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset StartedAt, AnalysisRequestOptions Options, Conversation? Conversation, Guid? BatchId);
