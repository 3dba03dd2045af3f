using System.Net;
using Observatory.Tests.Fakes;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.EndToEnd;

/// <summary>CONTRACT §8: with OTEL_EXPORTER_OTLP_ENDPOINT set, one analysis is one trace from the gateway through
/// the queue to the worker, the LLM call and PostgreSQL.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task One_analysis_is_one_trace_across_gateway_api_worker_llm_and_postgres()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        await using var stack = await ServiceStack.StartAsync("e2e-tracing", new Dictionary<string, string?>
        {
            ["ConnectionStrings__llm"] = llm.ConnectionString,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });

        var (status, accepted, response) = await stack.Client.PostJsonAsync("/api/v1/analyze", SampleConversations.RefundChat);
        Assert.Equal(HttpStatusCode.Accepted, status);
        var done = await stack.Client.WaitForTerminalAsync(accepted!["id"]!.GetValue<string>(), TimeSpan.FromSeconds(30), stack.Logs);
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        var traceId = Convert.FromHexString(response.Headers.GetValues("X-Trace-Id").Single());

        // OTLP protobuf carries the 16 trace-id bytes verbatim next to each span; find them in each service's export.
        bool Exported(string service, string spanName) => collector.Payloads("traces").Any(p =>
            p.AsSpan().IndexOf(traceId) >= 0 && Contains(p, service) && Contains(p, spanName));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var wanted = new (string Service, string Span)[]
        {
            ("gateway", "POST"), ("apiservice", "POST"), ("analysisworker", "analysis process"),
            ("analysisworker", "chat fake-model"), ("analysisworker", "Npgsql"),
        };
        while (DateTime.UtcNow < deadline && !wanted.All(w => Exported(w.Service, w.Span))) await Task.Delay(200);

        foreach (var (service, span) in wanted)
            Assert.True(Exported(service, span), $"no '{span}' span from {service} in trace {Convert.ToHexStringLower(traceId)}");
    }

    private static bool Contains(byte[] payload, string text) =>
        payload.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
}
