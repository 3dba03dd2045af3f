using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Observatory.ApiService.Analyses.Submission;
using Observatory.ApiService.Exports;
using Observatory.Data.Retention;
using Observatory.ApiService.Identity;
using Observatory.ApiService.OpenApi;
using Observatory.ApiService.Problems;
using Observatory.ApiService.Webhooks;
using Observatory.Contracts.Batches;
using Observatory.Data.Batches;

namespace Observatory.ApiService.Batches;

/// <summary>CONTRACT §4: submit a batch, read it (counts, items, aggregate), cancel, reprioritize, follow its events
/// and stream its results.</summary>
public static class BatchesApi
{
    private const int DefaultItemLimit = 100;
    private const int MaxItemLimit = 1000;
    private static readonly TimeSpan EventPollInterval = TimeSpan.FromMilliseconds(500);

    public static IEndpointRouteBuilder MapBatchesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/analyze/batch").WithTags("Batches");

        group.MapPost("/", SubmitAsync).WithName("SubmitBatch")
            .WithSummary("Submit up to 1,000 conversations as one batch")
            .DocumentsJsonBody<RouteHandlerBuilder, BatchRequestDocument>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetBatch")
            .WithSummary("Read a batch: counts, progress, a page of items and, once every item ended, the aggregate")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelBatch").WithSummary("Cancel every unfinished item")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/priority", ChangePriorityAsync).WithName("ChangeBatchPriority")
            .WithSummary("Move the batch's queued items to another priority")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/results", StreamResults).WithName("BatchResults")
            .WithSummary("Stream one line per item: format=jsonl (each item's resource) or csv (headline metrics)")
            .Produces(StatusCodes.Status200OK, contentType: "application/jsonl")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/events", Events).WithName("BatchEvents").WithSummary("Server-sent events until the batch ends")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    internal static async Task<Results<Accepted<BatchAccepted>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, CallerIdentity caller, BatchRequestReader reader, BatchSubmitter submitter,
        IOptions<ApiLimits> limits, CallbackUrlPolicy callbackUrls, CancellationToken cancellationToken)
    {
        var (document, _, problem) = await JsonRequestBody.ReadAsync(request, limits.Value.MaxBatchBodyBytes, cancellationToken);
        if (problem is not null) return problem;
        using var _ = document;

        var errors = new ValidationErrors();
        var submission = reader.Read(document!.RootElement, errors);
        if (submission is null || errors.Any) return Problems.Problems.Validation(errors, "The batch was not accepted; nothing of it was stored.");
        if (submission.CallbackUrl is not null && !caller.IsAuthenticated)
            return Problems.Problems.CallbackNeedsPrincipal();
        if (submission.CallbackUrl is { } callbackUrl && !await callbackUrls.CheckAsync(callbackUrl, "callback_url", errors, cancellationToken))
            return Problems.Problems.Validation(errors, "The batch was not accepted; nothing of it was stored.");

        var batch = await submitter.SubmitAsync(submission, caller, cancellationToken);
        var accepted = new BatchAccepted(batch.Id, BatchStatus.Queued, batch.Total, BatchResources.LinksFor(batch.Id));
        return TypedResults.Accepted(accepted.Links.Self, accepted);
    }

    internal static async Task<Results<Ok<BatchResource>, ValidationProblem, ProblemHttpResult>> GetAsync(
        Guid id, [FromQuery] int? offset, [FromQuery] int? limit, BatchReader batches, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (offset is < 0) errors.Add("offset", "offset must be 0 or more.");
        if (limit is < 1 or > MaxItemLimit) errors.Add("limit", $"limit must be between 1 and {MaxItemLimit}.");
        if (errors.Any) return Problems.Problems.Validation(errors);

        var batch = await batches.FindAsync(id, cancellationToken);
        if (batch is null) return Problems.Problems.NotFound("batch");
        return TypedResults.Ok(await batches.ReadResourceAsync(batch, offset ?? 0, limit ?? DefaultItemLimit, cancellationToken));
    }

    internal static async Task<Results<Ok<BatchChange>, ProblemHttpResult>> CancelAsync(
        Guid id, BatchReader batches, BatchCanceller canceller, CancellationToken cancellationToken)
    {
        var batch = await batches.FindAsync(id, cancellationToken);
        if (batch is null) return Problems.Problems.NotFound("batch");
        if (batch.Status != BatchStatus.Queued)
            return Problems.Problems.Conflict($"The batch is already {batch.Status} and cannot be cancelled.");
        var cancelled = await canceller.CancelAsync(id, cancellationToken);
        var current = await batches.FindAsync(id, cancellationToken) ?? batch;
        var (counts, _) = await batches.CountAsync(id, cancellationToken);
        return TypedResults.Ok(new BatchChange(id, BatchResources.StatusOf(current, counts), BatchPriorities.NameOf(current.Priority), cancelled));
    }

    internal static async Task<Results<Ok<BatchChange>, ValidationProblem, ProblemHttpResult>> ChangePriorityAsync(
        Guid id, HttpRequest request, BatchReader batches, BatchReprioritizer reprioritizer, CancellationToken cancellationToken)
    {
        var (document, _, problem) = await JsonRequestBody.ReadAsync(request, 4096, cancellationToken);
        if (problem is not null) return problem;
        using var _ = document;
        var root = document!.RootElement;
        if (!root.TryGetProperty("priority", out var element) || element.ValueKind != JsonValueKind.String
            || !BatchPriorities.TryParse(element.GetString(), out var priority))
            return Problems.Problems.Validation("priority", "priority must be one of low, normal, high.");

        var batch = await batches.FindAsync(id, cancellationToken);
        if (batch is null) return Problems.Problems.NotFound("batch");
        if (batch.Status != BatchStatus.Queued)
            return Problems.Problems.Conflict($"The batch is already {batch.Status}; only a batch with queued items can be reprioritized.");
        var moved = await reprioritizer.ChangeAsync(id, priority, cancellationToken);
        var (counts, _) = await batches.CountAsync(id, cancellationToken);
        return TypedResults.Ok(new BatchChange(id, BatchResources.StatusOf(batch, counts), BatchPriorities.NameOf(priority), moved));
    }

    internal static async Task<Results<ExportFileResult, ValidationProblem, ProblemHttpResult>> StreamResults(
        Guid id, [FromQuery] string? format, BatchReader batches, IOptions<RetentionOptions> retention,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && format is not null && !string.Equals(format, "jsonl", StringComparison.OrdinalIgnoreCase))
            return Problems.Problems.Validation("format", "format must be jsonl or csv.");
        var batch = await batches.FindAsync(id, cancellationToken);
        if (batch is null) return Problems.Problems.NotFound("batch");

        // Items are read from the database one at a time while the response is written: a batch of a thousand
        // results is never held in memory.
        var disposition = $"attachment; filename=\"batch-{id:D}.{(csv ? "csv" : "jsonl")}\"";
        return csv
            ? new ExportFileResult(BatchResultsExport.CsvContentType, disposition,
                (body, ct) => BatchResultsExport.WriteCsvAsync(body, batches.StreamItems(id), ct))
            : new ExportFileResult(BatchResultsExport.JsonLinesContentType, disposition,
                (body, ct) => BatchResultsExport.WriteJsonLinesAsync(body, batches.StreamItems(id), retention.Value, json.Value.SerializerOptions, ct));
    }

    internal static async Task<Results<ServerSentEventsResult<string>, ProblemHttpResult>> Events(
        Guid id, BatchReader batches, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        var batch = await batches.FindAsync(id, cancellationToken);
        if (batch is null) return Problems.Problems.NotFound("batch");
        return TypedResults.ServerSentEvents(StreamEvents(batch, batches, json.Value.SerializerOptions, cancellationToken));
    }

    // Items change by the hundred per second in a running batch: polling the counts twice a second gives a steady,
    // cheap stream instead of one event per item.
    private static async IAsyncEnumerable<SseItem<string>> StreamEvents(
        BatchRecord first, BatchReader batches, JsonSerializerOptions json, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = first;
        BatchStatusEvent? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (counts, runningProgress) = await batches.CountAsync(batch.Id, cancellationToken);
            var current = new BatchStatusEvent(BatchResources.StatusOf(batch, counts), BatchResources.Progress(batch, counts, runningProgress), counts);
            if (current != last)
            {
                last = current;
                yield return new SseItem<string>(JsonSerializer.Serialize(current, json), "status");
            }
            if (batch.Status != BatchStatus.Queued)
            {
                // An ended batch's counts no longer change: reuse the ones just read.
                var items = await batches.ItemsAsync(batch.Id, 0, DefaultItemLimit, cancellationToken);
                var resource = BatchResources.ToResource(batch, counts, runningProgress, 0, DefaultItemLimit, items);
                yield return new SseItem<string>(JsonSerializer.Serialize(resource, json), batch.Status);
                yield break;
            }
            await Task.Delay(EventPollInterval, cancellationToken);
            batch = await batches.FindAsync(batch.Id, cancellationToken) ?? batch;
        }
    }
}
