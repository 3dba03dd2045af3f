using System.Diagnostics.Metrics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Observatory.ServiceDefaults;

namespace Observatory.Tests.ServiceDefaults;

[Collection(NonParallelMetricsCollection.Name)]
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private ServiceDefaultsTestHost host = null!;

    public async Task InitializeAsync() => host = await ServiceDefaultsTestHost.StartAsync(app =>
    {
        var meter = app.Services.GetRequiredService<IMeterFactory>().CreateObservatoryMeter("Test");
        var widgets = meter.CreateCounter<long>("observatory.test.widgets", unit: "{widget}", description: "Widgets made.");
        app.MapGet("/make-widgets", () =>
        {
            widgets.Add(3, new KeyValuePair<string, object?>("colour", "blue"));
            return "made";
        });
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Metrics_expose_the_http_server_duration_histogram_and_custom_counters()
    {
        (await host.Client.GetAsync("/make-widgets")).Dispose();
        await ScrapeUntilAsync("http_route=\"/make-widgets\"");

        using var response = await host.Client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Matches(
            new Regex("""^http_server_request_duration_seconds_bucket\{otel_scope_name="Microsoft\.AspNetCore\.Hosting",[^}]*http_route="/make-widgets"[^}]*le="\+Inf"\} [1-9]""", RegexOptions.Multiline),
            text);
        Assert.Matches(new Regex("^http_server_request_duration_seconds_count\\{[^}]*\\} [1-9]", RegexOptions.Multiline), text);
        Assert.Contains("# HELP observatory_test_widgets_total Widgets made.\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE observatory_test_widgets_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("observatory_test_widgets_total{otel_scope_name=\"Observatory.Test\",colour=\"blue\"} 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runtime_metrics_are_collected()
    {
        var text = await host.Client.GetStringAsync("/metrics");

        Assert.Contains("otel_scope_name=\"System.Runtime\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_scrapes_each_get_one_complete_exposition()
    {
        (await host.Client.GetAsync("/make-widgets")).Dispose();
        await ScrapeUntilAsync("http_route=\"/make-widgets\"");

        var scrapes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => host.Client.GetStringAsync("/metrics")));

        foreach (var text in scrapes)
        {
            Assert.Equal(1, Regex.Count(text, "^# TYPE observatory_test_widgets_total counter$", RegexOptions.Multiline));
            Assert.Equal(1, Regex.Count(text, "^# TYPE http_server_request_duration_seconds histogram$", RegexOptions.Multiline));
            Assert.EndsWith("\n", text, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// ASP.NET Core records a request's duration after the response has been sent, so the client can see the response
    /// before the measurement exists: scrape until it shows up.
    /// </summary>
    private async Task ScrapeUntilAsync(string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(await host.Client.GetStringAsync("/metrics")).Contains(expected, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"/metrics never contained {expected}");
            await Task.Delay(20);
        }
    }
}
