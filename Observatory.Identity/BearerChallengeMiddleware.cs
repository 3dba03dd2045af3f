using Microsoft.AspNetCore.Http;

namespace Observatory.Identity;

/// <summary>Every 401 a service answers carries a <c>WWW-Authenticate</c> challenge, so clients know a bearer
/// credential is expected: <see cref="BearerChallenge.CredentialsNeeded"/> unless the response already set a more
/// specific one (a refused credential's <c>invalid_token</c>).</summary>
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
