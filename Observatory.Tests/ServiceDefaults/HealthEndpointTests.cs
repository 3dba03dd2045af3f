using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Observatory.Tests.ServiceDefaults;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_lists_every_check_and_is_200_when_all_are_healthy()
    {
        await using var host = await ServiceDefaultsTestHost.StartAsync(_ => { }, builder =>
            builder.Services.AddHealthChecks().AddCheck("database", () => HealthCheckResult.Healthy(
                "Reachable", new Dictionary<string, object> { ["pool_size"] = 5 })));

        using var response = await host.Client.GetAsync("/health");
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var body = report.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("total_duration_ms").GetDouble() >= 0);
        var database = Check(body, "database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.Equal("Reachable", database.GetProperty("description").GetString());
        Assert.True(database.GetProperty("duration_ms").GetDouble() >= 0);
        Assert.Equal(5, database.GetProperty("data").GetProperty("pool_size").GetInt32());
        Assert.Equal("Healthy", Check(body, "self").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_is_503_when_a_check_is_unhealthy_but_alive_ignores_non_live_checks()
    {
        await using var host = await ServiceDefaultsTestHost.StartAsync(_ => { }, builder =>
            builder.Services.AddHealthChecks().AddCheck("redis", () => HealthCheckResult.Unhealthy("Connection refused")));

        using var health = await host.Client.GetAsync("/health");
        using var healthReport = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        using var alive = await host.Client.GetAsync("/alive");
        using var aliveReport = JsonDocument.Parse(await alive.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", healthReport.RootElement.GetProperty("status").GetString());
        var redis = Check(healthReport.RootElement, "redis");
        Assert.Equal("Unhealthy", redis.GetProperty("status").GetString());
        Assert.Equal("Connection refused", redis.GetProperty("description").GetString());

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", aliveReport.RootElement.GetProperty("status").GetString());
        var aliveChecks = aliveReport.RootElement.GetProperty("checks").EnumerateArray()
            .Select(check => check.GetProperty("name").GetString() ?? "").ToArray();
        Assert.Equal(["self"], aliveChecks);
    }

    [Fact]
    public async Task Degraded_is_still_ready()
    {
        await using var host = await ServiceDefaultsTestHost.StartAsync(_ => { }, builder =>
            builder.Services.AddHealthChecks().AddCheck("queue", () => HealthCheckResult.Degraded("Backlog growing")));

        using var response = await host.Client.GetAsync("/health");
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", report.RootElement.GetProperty("status").GetString());
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single(response.Headers.GetValues("X-Trace-Id")));
    }

    private static JsonElement Check(JsonElement report, string name) =>
        Assert.Single(report.GetProperty("checks").EnumerateArray(), check => check.GetProperty("name").GetString() == name);
}
