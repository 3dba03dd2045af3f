using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Observatory.ApiService.Identity;
using Observatory.ApiService.Problems;
using Observatory.Data;

namespace Observatory.ApiService.Webhooks;

/// <summary>CONTRACT §5: the caller's webhook delivery log.</summary>
public static class WebhooksApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/webhooks").WithTags("Webhooks");
        group.MapGet("/deliveries", ListDeliveriesAsync).WithName("ListWebhookDeliveries")
            .WithSummary("Your webhook deliveries, newest first: attempts, status and the last answer")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem();
        return routes;
    }

    internal static async Task<Results<Ok<WebhookDeliveryPage>, ProblemHttpResult, ValidationProblem>> ListDeliveriesAsync(
        [FromQuery] string? limit, CallerIdentity caller, ObservatoryDbContext db, CancellationToken cancellationToken)
    {
        if (!caller.IsAuthenticated) return Problems.Problems.Unauthorized("Webhook deliveries belong to API keys and partner tokens.");
        var take = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxLimit))
            return Problems.Problems.Validation("limit", $"limit must be a whole number between 1 and {MaxLimit}.");

        var items = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Principal == caller.Principal)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(take)
            .Select(d => new WebhookDeliveryEntry(d.EventId, d.Type, d.ResourceId, d.Url, d.Attempts, d.Status, d.LastStatusCode, d.LastError,
                d.CreatedAt, d.LastAttemptAt, d.NextAttemptAt, d.DeliveredAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new WebhookDeliveryPage(items));
    }
}
