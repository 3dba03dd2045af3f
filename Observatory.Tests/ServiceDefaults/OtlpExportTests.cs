using System.Text;
using Microsoft.AspNetCore.Builder;
using Observatory.Tests.Fakes;

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
            var payloads = collector.Payloads(signal);
            Assert.True(payloads.Count > 0, $"nothing exported to /v1/{signal}; received: {string.Join(", ", collector.Received.Keys)}");
            Assert.Contains(payloads, p => Encoding.UTF8.GetString(p).Contains("otlp-export-test", StringComparison.Ordinal));
        }
    }
}
