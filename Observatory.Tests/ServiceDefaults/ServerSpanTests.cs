using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Observatory.ServiceDefaults;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Observatory.Tests.ServiceDefaults;

public sealed class ServerSpanTests : IAsyncLifetime
{
    private static readonly ActivitySource TestSource = ObservatoryTelemetry.CreateActivitySource("Tests.Spans");

    private readonly EndedActivities ended = new();
    private ServiceDefaultsTestHost host = null!;

    public async Task InitializeAsync()
    {
        host = await ServiceDefaultsTestHost.StartAsync(app =>
        {
            app.MapGet("/items/{id}", (string id) =>
            {
                using var work = TestSource.StartActivity("load item");
                return id;
            });
        });

        // The SDK the service defaults created: adding a processor to it shows what it records and would export.
        host.App.Services.GetRequiredService<OpenTelemetrySdk>().TracerProvider.AddProcessor(ended);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Server_span_is_recorded_with_route_and_status_code()
    {
        using var response = await host.Client.GetAsync("/items/42");
        var traceId = Assert.Single(response.Headers.GetValues("X-Trace-Id"));

        var server = await ended.WaitForAsync(a => a.TraceId.ToHexString() == traceId && a.Kind == ActivityKind.Server);

        Assert.Equal("Microsoft.AspNetCore", server.Source.Name);
        Assert.True(server.Recorded);
        Assert.Equal("/items/{id}", server.GetTagItem("http.route"));
        Assert.Equal(200, server.GetTagItem("http.response.status_code"));
        Assert.Equal("GET /items/{id}", server.DisplayName);
    }

    [Fact]
    public async Task Observatory_sources_are_recorded_as_children_of_the_server_span()
    {
        using var response = await host.Client.GetAsync("/items/7");
        var traceId = Assert.Single(response.Headers.GetValues("X-Trace-Id"));

        var server = await ended.WaitForAsync(a => a.TraceId.ToHexString() == traceId && a.Kind == ActivityKind.Server);
        var child = await ended.WaitForAsync(a => a.TraceId.ToHexString() == traceId && a.Source == TestSource);

        Assert.Equal(server.SpanId, child.ParentSpanId);
        Assert.True(child.Recorded);
    }

    [Fact]
    public async Task Health_probes_are_not_recorded()
    {
        using var probe = await host.Client.GetAsync("/health");
        var probeTraceId = Assert.Single(probe.Headers.GetValues("X-Trace-Id"));
        using var regular = await host.Client.GetAsync("/items/1");
        var regularTraceId = Assert.Single(regular.Headers.GetValues("X-Trace-Id"));

        // Once a later request's span has ended, the probe's would have ended too.
        await ended.WaitForAsync(a => a.TraceId.ToHexString() == regularTraceId && a.Kind == ActivityKind.Server);

        // (The test's own HttpClient span for the probe is recorded: it is the caller's, not the service's.)
        Assert.DoesNotContain(
            ended.All, a => a.TraceId.ToHexString() == probeTraceId && a.Kind == ActivityKind.Server && a.Recorded);
        Assert.Contains(ended.All, a => a.TraceId.ToHexString() == regularTraceId && a.Kind == ActivityKind.Server && a.Recorded);
    }

    private sealed class EndedActivities : BaseProcessor<Activity>
    {
        private readonly ConcurrentQueue<Activity> activities = new();

        public IReadOnlyCollection<Activity> All => activities.ToArray();

        public override void OnEnd(Activity data) => activities.Enqueue(data);

        public async Task<Activity> WaitForAsync(Func<Activity, bool> match)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                var found = activities.FirstOrDefault(match);
                if (found is not null)
                {
                    return found;
                }

                await Task.Delay(20);
            }

            throw new TimeoutException("No ended activity matched.");
        }
    }
}
