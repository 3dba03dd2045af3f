using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.ServiceDefaults;

/// <summary>
/// A tiny local HTTP server with scripted failures, counting the requests it receives per key (each test uses its
/// own key, so tests sharing the server do not see each other's counts).
/// <list type="bullet">
/// <item><c>/flaky/{key}</c> (any method): 503 on the first request for the key, 200 afterwards.</item>
/// <item><c>/bad/{key}</c>: always 400. <c>/down/{key}</c>: always 503.</item>
/// <item><c>/slow/{key}</c>: answers after 5 s. <c>/slow-once/{key}</c>: after 5 s the first time, at once afterwards.</item>
/// </list>
/// </summary>
public sealed class ScriptedHttpServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> counts = new();
    private WebApplication? app;

    public Uri Address { get; private set; } = null!;

    public int RequestsFor(string key) => counts.GetValueOrDefault(key);

    public async Task InitializeAsync()
    {
        app = LoopbackWebApp.Create();

        app.Map("/flaky/{key}", (string key) =>
            Count(key) == 1 ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Text("recovered"));
        app.Map("/bad/{key}", (string key) =>
        {
            Count(key);
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        });
        app.Map("/down/{key}", (string key) =>
        {
            Count(key);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        });
        app.Map("/slow/{key}", async (string key, CancellationToken aborted) =>
        {
            Count(key);
            await Task.Delay(TimeSpan.FromSeconds(5), aborted);
            return Results.Text("late");
        });
        app.Map("/slow-once/{key}", async (string key, CancellationToken aborted) =>
        {
            if (Count(key) == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), aborted);
            }

            return Results.Text("in time");
        });

        Address = await LoopbackWebApp.StartAsync(app);
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private int Count(string key) => counts.AddOrUpdate(key, 1, (_, count) => count + 1);
}
