using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Observatory.Tests.ServiceDefaults;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task Traces_metrics_and_logs_go_to_the_configured_otlp_endpoint_under_the_service_name()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        var service = await ServiceDefaultsTestHost.StartAsync(
            app => app.MapGet("/work", () => "done"),
            settings: new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address.ToString().TrimEnd('/'),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_SERVICE_NAME"] = "otlp-export-test",
            });

        (await service.Client.GetAsync("/work")).Dispose();
        await service.DisposeAsync(); // shutting the host down flushes every exporter

        foreach (var signal in new[] { "traces", "metrics", "logs" })
        {
            Assert.True(collector.Received.TryGetValue(signal, out var payload), $"nothing exported to /v1/{signal}; received: {string.Join(", ", collector.Received.Keys)}");
            Assert.Contains("otlp-export-test", Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
        }
    }

    /// <summary>Accepts OTLP/HTTP protobuf exports and keeps the bodies received per signal.</summary>
    private sealed class FakeOtlpCollector : IAsyncDisposable
    {
        private WebApplication? app;

        public Uri Address { get; private set; } = null!;

        public ConcurrentDictionary<string, byte[]> Received { get; } = new();

        public static async Task<FakeOtlpCollector> StartAsync()
        {
            var collector = new FakeOtlpCollector();
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            collector.app = builder.Build();
            collector.app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                collector.Received.AddOrUpdate(signal, body.ToArray(), (_, earlier) => [.. earlier, .. body.ToArray()]);
                return Results.Ok();
            });

            await collector.app.StartAsync();
            collector.Address = new Uri(collector.app.Services.GetRequiredService<IServer>().Features
                .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
            return collector;
        }

        public async ValueTask DisposeAsync()
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
    }
}
