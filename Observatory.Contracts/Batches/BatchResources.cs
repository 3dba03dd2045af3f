using Observatory.Contracts.Json;
using Observatory.Data.Batches;

namespace Observatory.Contracts.Batches;

/// <summary>Maps stored batches to the shapes the API returns (and webhook events carry).</summary>
public static class BatchResources
{
    public static BatchLinks LinksFor(Guid id)
    {
        var self = $"/api/v1/analyze/batch/{id:D}";
        return new BatchLinks(self, $"{self}/cancel", $"{self}/results", $"{self}/events");
    }

    /// <summary>queued and finished states are stored; "running" is what a batch is between the two — as soon as any
    /// item has left the queue.</summary>
    public static string StatusOf(BatchRecord batch, BatchCounts counts) =>
        batch.Status != BatchStatus.Queued ? batch.Status
        : counts.Queued == batch.Total ? BatchStatus.Queued
        : BatchStatus.Running;

    public static BatchResource ToResource(BatchRecord batch, BatchCounts counts, double runningProgress, int offset, int limit, IReadOnlyList<BatchItem> items) => new(
        batch.Id, StatusOf(batch, counts), BatchPriorities.NameOf(batch.Priority), batch.Title, batch.Total, counts,
        Progress(batch, counts, runningProgress), batch.CreatedAt, batch.CompletedAt, offset, limit, items,
        batch.AggregateJson is null ? null : new RawJson(batch.AggregateJson), LinksFor(batch.Id));

    /// <summary>Finished items count whole, running ones by their own progress.</summary>
    public static double Progress(BatchRecord batch, BatchCounts counts, double runningProgress) =>
        batch.Total == 0 || batch.Status != BatchStatus.Queued ? 1
        : Math.Round(Math.Min(1, (counts.Terminal + runningProgress) / batch.Total), 4);
}
