using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Observatory.Tests.Infrastructure;

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
        collector._app = LoopbackWebApp.Create();
        collector._app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            collector.Received.GetOrAdd(signal, _ => new ConcurrentQueue<byte[]>()).Enqueue(body.ToArray());
            return Results.Ok();
        });

        collector.Address = await LoopbackWebApp.StartAsync(collector._app);
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
