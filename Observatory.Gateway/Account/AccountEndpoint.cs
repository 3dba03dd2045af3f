using Microsoft.AspNetCore.Http.HttpResults;
using Observatory.Gateway.Identity;
using Observatory.Gateway.RateLimiting;

namespace Observatory.Gateway.Account;

/// <summary><c>GET /api/v1/account</c> (CONTRACT §6), answered by the gateway because it is the one that knows the
/// caller's tier, limits and usage. The request itself is counted first, like any other.</summary>
public static class AccountEndpoint
{
    public static IEndpointRouteBuilder MapAccountEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/account", Get);
        return routes;
    }

    internal static Results<Ok<AccountView>, ProblemHttpResult> Get(HttpContext context, TierRateLimiter limiter)
    {
        var caller = context.Features.Get<GatewayCaller>();
        if (caller?.Principal is null)
            return TypedResults.Problem(statusCode: 401, title: "Authentication required.",
                detail: "The account belongs to an API key or partner token; send one.", type: "https://observatory.dev/problems/unauthorized");

        var decision = context.Features.Get<RateLimitDecision>();
        if (caller.IsAdmin || decision is null || decision.IsUnlimited)
            return TypedResults.Ok(new AccountView(caller.Tier, caller.Principal, new AccountLimits(null, null), new AccountUsage(null, null)));
        var limits = limiter.LimitsFor(caller.Tier);
        return TypedResults.Ok(new AccountView(caller.Tier, caller.Principal,
            new AccountLimits(limits.PerMinute, limits.PerDay),
            new AccountUsage(limits.PerMinute - decision.Remaining(RateLimitWindow.Minute), limits.PerDay - decision.Remaining(RateLimitWindow.Day))));
    }
}

/// <summary>Null limits and usage mean unlimited (the admin key).</summary>
public sealed record AccountView(string Tier, string Principal, AccountLimits Limits, AccountUsage Usage);

public sealed record AccountLimits(int? PerMinute, int? PerDay);

public sealed record AccountUsage(int? Minute, int? Day);
