using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Observatory.Tests.Fakes;

/// <summary>Accepts OTLP/HTTP protobuf exports on 127.0.0.1 and keeps every body received, per signal.</summary>
public sealed class FakeOtlpCollector : IAsyncDisposable
{
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    /// <summary>Every export body, per signal (<c>traces</c>, <c>metrics</c>, <c>logs</c>), in arrival order.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<byte[]>> Received { get; } = new();

    public IReadOnlyList<byte[]> Payloads(string signal) => Received.TryGetValue(signal, out var queue) ? queue.ToArray() : [];

    public static async Task<FakeOtlpCollector> StartAsync()
    {
        var collector = new FakeOtlpCollector();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        collector._app = builder.Build();
        collector._app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            collector.Received.GetOrAdd(signal, _ => new ConcurrentQueue<byte[]>()).Enqueue(body.ToArray());
            return Results.Ok();
        });

        await collector._app.StartAsync();
        collector.Address = new Uri(collector._app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        return collector;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
