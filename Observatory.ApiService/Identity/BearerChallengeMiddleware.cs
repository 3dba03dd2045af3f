using Observatory.Identity;

namespace Observatory.ApiService.Identity;

/// <summary>Every 401 the ApiService answers (an endpoint that needs a principal, called by the public) carries the
/// <c>WWW-Authenticate</c> challenge, so clients and the gateway's callers know a bearer credential is expected.</summary>
public sealed class BearerChallengeMiddleware(RequestDelegate next)
{
    private static readonly Func<object, Task> AddChallenge = static state =>
    {
        var response = (HttpResponse)state;
        if (response.StatusCode == StatusCodes.Status401Unauthorized && response.Headers.WWWAuthenticate.Count == 0)
            response.Headers.WWWAuthenticate = BearerChallenge.CredentialsNeeded;
        return Task.CompletedTask;
    };

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(AddChallenge, context.Response);
        return next(context);
    }
}
