using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Observatory.ApiService.Identity;
using Observatory.Data;
using Observatory.Data.Webhooks;
using Observatory.Identity;

namespace Observatory.ApiService.Account;

/// <summary>CONTRACT §6: rotating the caller's webhook secret. (<c>GET /api/v1/account</c> is answered by the
/// gateway, which knows the caller's limits and usage.)</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/account/webhook-secret", RotateWebhookSecretAsync).WithTags("Account")
            .WithName("RotateWebhookSecret").WithSummary("Rotate your webhook secret; the new one is shown only in this response")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return routes;
    }

    internal static async Task<Results<Ok<RotatedSecret>, ProblemHttpResult>> RotateWebhookSecretAsync(
        CallerIdentity caller, ObservatoryDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!caller.IsAuthenticated) return Problems.Problems.Unauthorized("Webhook secrets belong to API keys and partner tokens.");
        var secret = WebhookSecrets.Generate();
        var now = clock.GetUtcNow();
        var existing = await db.WebhookSecrets.FirstOrDefaultAsync(w => w.Principal == caller.Principal, cancellationToken);
        if (existing is null) db.WebhookSecrets.Add(new WebhookSecretRecord { Principal = caller.Principal!, Secret = secret, CreatedAt = now });
        else
        {
            existing.Secret = secret;
            existing.CreatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new RotatedSecret(secret, now));
    }
}

public sealed record RotatedSecret(string WebhookSecret, DateTimeOffset RotatedAt);
