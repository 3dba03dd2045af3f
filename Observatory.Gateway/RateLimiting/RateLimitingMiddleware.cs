using Observatory.Gateway.Identity;

namespace Observatory.Gateway.RateLimiting;

/// <summary>
/// Counts every request to a limited path (<see cref="RateLimitedPaths"/>) against the caller the identity step put on
/// <c>HttpContext.Features</c> (a public caller keyed by the remote address when there is none), adds the rate-limit
/// headers to the response, and answers 429 itself when a window is used up, so the request never reaches a backend.
/// Runs after the identity step and before the proxy.
/// </summary>
public sealed class RateLimitingMiddleware(RequestDelegate next, TierRateLimiter limiter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!RateLimitedPaths.IsCounted(context.Request.Path))
        {
            await next(context);
            return;
        }

        var caller = context.Features.Get<GatewayCaller>()
            ?? GatewayCaller.Public(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var decision = await limiter.DecideAsync(caller, context.RequestAborted);
        context.Features.Set(decision); // GET /api/v1/account reports it as usage
        if (decision.IsUnlimited)
        {
            await next(context);
            return;
        }

        if (!decision.Allowed)
        {
            RateLimitHeaders.Apply(context.Response.Headers, decision);
            await RateLimitProblem.For(decision).ExecuteAsync(context);
            return;
        }

        // Set when the response starts, so neither the proxied response's headers nor an error handler clearing the
        // response can drop them.
        context.Response.OnStarting(static state =>
        {
            var (response, decision) = ((HttpResponse, RateLimitDecision))state;
            RateLimitHeaders.Apply(response.Headers, decision);
            return Task.CompletedTask;
        }, (context.Response, decision));
        await next(context);
    }
}
