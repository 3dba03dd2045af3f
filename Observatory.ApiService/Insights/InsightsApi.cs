using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Observatory.ApiService.Identity;
using Observatory.ApiService.Problems;

namespace Observatory.ApiService.Insights;

/// <summary>CONTRACT §7: daily aggregates of the caller's own analyses (the admin key sees everyone's), kept
/// forever — they outlive the analyses they were computed from.</summary>
public static class InsightsApi
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/insights", ReadAsync).WithTags("Insights").WithName("ReadInsights")
            .WithSummary($"Per-day figures of your analyses (UTC days, from/to inclusive as YYYY-MM-DD; default the last {DefaultDays} days, at most {MaxDays})")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return routes;
    }

    internal static async Task<Results<Ok<InsightsReport>, ProblemHttpResult, ValidationProblem>> ReadAsync(
        [FromQuery] string? from, [FromQuery] string? to, CallerIdentity caller, NpgsqlDataSource dataSource, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!caller.IsAuthenticated) return Problems.Problems.Unauthorized("Insights need an API key or partner token: they cover your own analyses.");

        var errors = new ValidationErrors();
        var last = ParseDay(to, "to", errors) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var first = ParseDay(from, "from", errors) ?? last.AddDays(1 - DefaultDays);
        if (!errors.Any)
        {
            if (first > last) errors.Add("from", "from must not be after to.");
            else if (last.DayNumber - first.DayNumber + 1 > MaxDays) errors.Add("to", $"The range may cover at most {MaxDays} days.");
        }
        if (errors.Any) return Problems.Problems.Validation(errors);

        var days = await DailyInsightsQuery.ReadAsync(dataSource, caller.IsAdmin ? null : caller.Principal, first, last, cancellationToken);
        var totals = new InsightTally();
        foreach (var day in days.Values) totals.Add(day);
        return TypedResults.Ok(new InsightsReport(first, last, days.Select(d => d.Value.ToDay(d.Key)).ToList(), totals.ToFigures()));
    }

    private static DateOnly? ParseDay(string? text, string path, ValidationErrors errors)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add(path, $"{path} must be a date as YYYY-MM-DD.");
        return null;
    }
}
