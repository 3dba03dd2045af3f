namespace Observatory.AnalysisWorker.Webhooks;

/// <summary>What one delivery attempt came to: a 2xx answer, or the status code and/or reason it failed.</summary>
public sealed record AttemptOutcome(bool Delivered, int? StatusCode, string? Error)
{
    public static AttemptOutcome Answered(int statusCode) =>
        statusCode is >= 200 and < 300
            ? new(true, statusCode, null)
            : new(false, statusCode, statusCode is >= 300 and < 400 ? $"HTTP {statusCode}: redirects are not followed." : $"HTTP {statusCode}.");

    public static AttemptOutcome Failed(string error) => new(false, null, error);
}
