using Observatory.Data.Retention;
using Observatory.Contracts.Json;
using Observatory.Data.Analyses;

namespace Observatory.Contracts.Analyses;

/// <summary>Maps stored analyses to the shapes the API returns.</summary>
public static class AnalysisResources
{
    public static AnalysisLinks LinksFor(Guid id)
    {
        var self = $"/api/v1/analyze/{id:D}";
        return new AnalysisLinks(self, $"{self}/cancel", $"{self}/events");
    }

    public static AnalysisResource ToResource(AnalysisRecord record, RetentionOptions retention) => new(
        record.Id, record.Status, Math.Round(record.Progress, 4), record.Title, new RawJson(record.MetadataJson), record.BatchId,
        record.CreatedAt, record.StartedAt, record.CompletedAt, ExpiresAt(record, retention),
        record.ResultJson is null ? null : new RawJson(record.ResultJson),
        ErrorOf(record), LinksFor(record.Id));

    public static AnalysisSummary ToSummary(AnalysisRecord record) => new(
        record.Id, record.Status, Math.Round(record.Progress, 4), record.Title, new RawJson(record.MetadataJson), record.BatchId,
        record.CreatedAt, record.StartedAt, record.CompletedAt, ErrorOf(record), LinksFor(record.Id));

    public static AnalysisAccepted ToAccepted(AnalysisRecord record) =>
        new(record.Id, record.Status, record.CreatedAt, LinksFor(record.Id));

    /// <summary>When this analysis will next lose something to retention: the result (counted from its last read,
    /// or from completion if never read), else the record itself.</summary>
    public static DateTimeOffset ExpiresAt(AnalysisRecord record, RetentionOptions retention)
    {
        var metadataExpiry = record.CreatedAt + retention.Metadata;
        if (record.ResultJson is null || record.CompletedAt is null) return metadataExpiry;
        var resultExpiry = (record.LastReadAt ?? record.CompletedAt.Value) + retention.Results;
        return resultExpiry < metadataExpiry ? resultExpiry : metadataExpiry;
    }

    private static AnalysisError? ErrorOf(AnalysisRecord record) =>
        record.ErrorCode is null ? null : new AnalysisError(record.ErrorCode, record.ErrorMessage ?? "");
}
