using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Observatory.LoadTest.Scenarios;

/// <summary>The few bits of the Observatory API (CONTRACT §3) the scenarios read.</summary>
public static class Api
{
    public const string AnalyzePath = "api/v1/analyze";

    public static string AnalysisPath(string id) => AnalyzePath + "/" + Uri.EscapeDataString(id);

    public static bool IsTerminal(string? status) => status is "completed" or "failed" or "cancelled";

    /// <summary>Base URLs are used with relative paths, so they must end with "/".</summary>
    public static Uri Normalize(Uri url) =>
        url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/" + url.Query);

    public static (string? Id, DateTimeOffset? CreatedAt) ReadAccepted(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            return (String(root, "id"), Time(root, "created_at"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    public static AnalysisSnapshot? ReadAnalysis(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            long? queueMs = null, analysisMs = null;
            if (root.TryGetProperty("result", out JsonElement result) && result.ValueKind == JsonValueKind.Object
                && result.TryGetProperty("timings", out JsonElement timings) && timings.ValueKind == JsonValueKind.Object)
            {
                queueMs = Long(timings, "queue_ms");
                analysisMs = Long(timings, "analysis_ms");
            }

            string? errorCode = root.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object ? String(error, "code") : null;
            return new AnalysisSnapshot(
                String(root, "id"),
                String(root, "status"),
                Time(root, "created_at"),
                Time(root, "started_at"),
                Time(root, "completed_at"),
                queueMs,
                analysisMs,
                errorCode);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Creates one analysis and waits (POST ?wait=30, then polling) until it is terminal; returns its id.</summary>
    public static async Task<string> CreateAndAwaitAsync(LoadClient client, byte[] body, CancellationToken cancellationToken)
    {
        Exchange created = await client.PostJsonAsync(AnalyzePath + "?wait=30", body, cancellationToken).ConfigureAwait(false);
        if (!created.Is(HttpStatusCode.Accepted) && !created.Is(HttpStatusCode.OK))
        {
            throw new SetupException($"POST {AnalyzePath} answered {created.Outcome}: {created.BodySnippet}");
        }

        string id = ReadAccepted(created.Body).Id ?? throw new SetupException("The submission answer has no id: " + created.BodySnippet);
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Exchange read = await client.GetAsync(AnalysisPath(id), cancellationToken).ConfigureAwait(false);
            AnalysisSnapshot? snapshot = read.Is(HttpStatusCode.OK) ? ReadAnalysis(read.Body) : null;
            if (snapshot is { Status: var status } && IsTerminal(status))
            {
                return status == "completed" ? id : throw new SetupException($"The seed analysis {id} ended {status} ({snapshot.ErrorCode}).");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new SetupException($"The seed analysis {id} did not finish within 60 s (last answer {read.Outcome}: {read.BodySnippet}).");
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Long(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n) ? n : null;

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        String(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time)
            ? time
            : null;
}

public sealed record AnalysisSnapshot(
    string? Id,
    string? Status,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    long? QueueMs,
    long? AnalysisMs,
    string? ErrorCode);
