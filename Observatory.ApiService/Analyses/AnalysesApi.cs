using Observatory.Data.Retention;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Observatory.Contracts.Analyses;
using Observatory.ApiService.Analyses.Submission;
using Observatory.ApiService.Exports;
using Observatory.ApiService.Identity;
using Observatory.ApiService.OpenApi;
using Observatory.ApiService.Problems;
using Observatory.ApiService.Webhooks;
using Observatory.Data.Analyses;

namespace Observatory.ApiService.Analyses;

/// <summary>CONTRACT §3: submit, read, wait, cancel, stream events and list single analyses.</summary>
public static class AnalysesApi
{
    private const int MaxWaitSeconds = 30;

    public static IEndpointRouteBuilder MapAnalysesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/analyze").WithTags("Analyses");

        group.MapPost("/", SubmitAsync).WithName("SubmitAnalysis")
            .WithSummary("Submit one conversation for analysis")
            .DocumentsJsonBody<RouteHandlerBuilder, AnalyzeRequestDocument>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/", ListAsync).WithName("ListAnalyses").WithSummary("List your own analyses, newest first")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetAnalysis")
            .WithSummary("Read an analysis and its result, or export it (?format=json|csv|markdown or Accept: text/csv, text/markdown)")
            .DocumentsExports()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);
        group.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelAnalysis").WithSummary("Cancel a queued or running analysis")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/events", Events).WithName("AnalysisEvents").WithSummary("Server-sent events until the analysis ends")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    internal static async Task<Results<Accepted<AnalysisAccepted>, Ok<AnalysisResource>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest request,
        [FromQuery] int? wait,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CallerIdentity caller,
        ConversationRequestReader reader,
        AnalysisSubmitter submitter,
        AnalysisReader analyses,
        AnalysisChangeFeed changes,
        IOptions<ApiLimits> limits,
        CallbackUrlPolicy callbackUrls,
        CancellationToken cancellationToken)
    {
        if (wait is < 0 or > MaxWaitSeconds) return Problems.Problems.Validation("wait", $"wait must be between 0 and {MaxWaitSeconds} seconds.");
        if (idempotencyKey is { Length: 0 or > 200 }) return Problems.Problems.Validation("Idempotency-Key", "The Idempotency-Key header must be 1–200 characters.");

        var (document, raw, problem) = await JsonRequestBody.ReadAsync(request, limits.Value.MaxAnalysisBodyBytes, cancellationToken);
        if (problem is not null) return problem;
        using var _ = document;

        var errors = new ValidationErrors();
        var submission = reader.Read(document!.RootElement, "", errors);
        if (submission is null || errors.Any) return Problems.Problems.Validation(errors);
        if (submission.Options.CallbackUrl is not null && !caller.IsAuthenticated)
            return Problems.Problems.CallbackNeedsPrincipal();
        if (submission.Options.CallbackUrl is { } callbackUrl && !await callbackUrls.CheckAsync(callbackUrl, "options.callback_url", errors, cancellationToken))
            return Problems.Problems.Validation(errors);

        var (outcome, record) = await submitter.SubmitAsync(submission, caller, idempotencyKey, raw!, cancellationToken);
        if (outcome == SubmissionOutcome.IdempotencyConflict)
            return Problems.Problems.Conflict("This Idempotency-Key was already used with a different request body.");

        if (wait is > 0)
        {
            var terminal = await WaitForTerminalAsync(record!.Id, TimeSpan.FromSeconds(wait.Value), analyses, changes, cancellationToken);
            if (terminal is not null)
            {
                await analyses.MarkReadAsync(terminal, cancellationToken);
                return TypedResults.Ok(AnalysisResources.ToResource(terminal, analyses.Retention));
            }
        }
        var accepted = AnalysisResources.ToAccepted(record!);
        return TypedResults.Accepted(accepted.Links.Self, accepted);
    }

    internal static async Task<Results<Ok<AnalysisResource>, ExportFileResult, ProblemHttpResult, ValidationProblem>> GetAsync(
        Guid id, [FromQuery] string? format, HttpContext http, AnalysisReader analyses, CancellationToken cancellationToken)
    {
        if (!ExportFormats.TryNegotiate(format, http.Request.GetTypedHeaders().Accept, out var chosen))
            return Problems.Problems.Validation("format", "format must be json, csv or markdown.");
        http.Response.Headers.Vary = HeaderNames.Accept;
        var record = await analyses.FindAsync(id, cancellationToken);
        if (record is null) return Problems.Problems.NotFound("analysis");
        if (record.ResultDeletedAt is not null)
            return Problems.Problems.Gone(analyses.DescribeDeletedResult(record));

        if (chosen == ExportFormat.Json)
        {
            // The resource, whatever its status; asked for by name, it comes as a download like the other formats.
            if (format is not null) http.Response.Headers.ContentDisposition = ExportFormats.AttachmentFor(id, chosen);
            await analyses.MarkReadAsync(record, cancellationToken);
            return TypedResults.Ok(AnalysisResources.ToResource(record, analyses.Retention));
        }
        if (record.ResultJson is null) return Problems.Problems.Conflict(AnalysisExports.NothingToExport(record));
        await analyses.MarkReadAsync(record, cancellationToken);
        return AnalysisExports.Of(record, chosen);
    }

    internal static async Task<Results<Ok<CancelAccepted>, ProblemHttpResult>> CancelAsync(
        Guid id, AnalysisReader analyses, AnalysisCanceller canceller, CancellationToken cancellationToken)
    {
        var record = await analyses.FindAsync(id, cancellationToken);
        if (record is null) return Problems.Problems.NotFound("analysis");
        if (await canceller.CancelAsync([id], cancellationToken) == 0)
        {
            var current = await analyses.FindAsync(id, cancellationToken);
            return Problems.Problems.Conflict($"The analysis is already {current?.Status ?? record.Status} and cannot be cancelled.");
        }
        return TypedResults.Ok(new CancelAccepted(id, AnalysisStatus.Cancelled));
    }

    internal static async Task<Results<Ok<AnalysisPage>, ProblemHttpResult, ValidationProblem>> ListAsync(
        [FromQuery] string? status, [FromQuery] int? limit, [FromQuery] string? cursor,
        CallerIdentity caller, AnalysisReader analyses, CancellationToken cancellationToken)
    {
        if (!caller.IsAuthenticated) return Problems.Problems.Unauthorized("Listing analyses needs an API key or partner token.");
        var errors = new ValidationErrors();
        if (status is not null && !AnalysisStatus.All.Contains(status)) errors.Add("status", "status must be one of queued, running, completed, failed, cancelled.");
        if (limit is < 1 or > 200) errors.Add("limit", "limit must be between 1 and 200.");
        if (!ListCursor.IsValid(cursor)) errors.Add("cursor", "cursor is not one this API issued.");
        if (errors.Any) return Problems.Problems.Validation(errors);

        var (items, next) = await analyses.ListAsync(status, limit ?? 50, cursor, cancellationToken);
        return TypedResults.Ok(new AnalysisPage(items.Select(AnalysisResources.ToSummary).ToList(), next));
    }

    internal static async Task<Results<ServerSentEventsResult<string>, ProblemHttpResult>> Events(
        Guid id, AnalysisReader analyses, AnalysisChangeFeed changes, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        var record = await analyses.FindAsync(id, cancellationToken);
        if (record is null) return Problems.Problems.NotFound("analysis");
        return TypedResults.ServerSentEvents(StreamEvents(record, analyses, changes, json.Value.SerializerOptions, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<string>> StreamEvents(
        AnalysisRecord first, AnalysisReader analyses, AnalysisChangeFeed changes, JsonSerializerOptions json,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var record = first;
        (string Status, double Progress)? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var progress = Math.Round(record.Progress, 4);
            if (last != (record.Status, progress))
            {
                last = (record.Status, progress);
                yield return new SseItem<string>(JsonSerializer.Serialize(new StatusEvent(record.Status, progress), json), "status");
            }
            if (AnalysisStatus.IsTerminal(record.Status))
            {
                yield return new SseItem<string>(JsonSerializer.Serialize(AnalysisResources.ToResource(record, analyses.Retention), json), record.Status);
                yield break;
            }
            await changes.WaitForChangeAsync(record.Id, AnalysisChangeFeed.RecheckInterval, cancellationToken);
            record = await analyses.FindAsync(record.Id, cancellationToken) ?? record;
        }
    }

    private static async Task<AnalysisRecord?> WaitForTerminalAsync(
        Guid id, TimeSpan timeout, AnalysisReader analyses, AnalysisChangeFeed changes, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var record = await analyses.FindAsync(id, cancellationToken);
            if (record is null || AnalysisStatus.IsTerminal(record.Status)) return record;
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero) return null;
            await changes.WaitForChangeAsync(id, remaining, cancellationToken);
        }
    }
}
