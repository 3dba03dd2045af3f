using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Observatory.Gateway.Identity;
using Observatory.Gateway.RateLimiting;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.Gateway.RateLimiting;

/// <summary>Each test owns its redis-server: they stop it.</summary>
public sealed class RedisOutageTests
{
    private static readonly DateTimeOffset Noon = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Observatory:RateLimits:Standard:PerMinute"] = "3",
        ["Observatory:RateLimits:RedisTimeout"] = "00:00:01",
        ["Observatory:RateLimits:RedisRetryInterval"] = "00:00:00.100",
    };

    [Fact]
    public async Task With_redis_down_each_replica_still_enforces_the_limits_reports_degraded_and_recovers()
    {
        await using var server = await RedisServer.StartAsync();
        var clock = new ManualTimeProvider(Noon);
        using var host = LimiterHost.Create(server.ConnectionString, clock, Settings);
        var health = new RateLimiterHealthCheck(host.Limiter);
        Assert.Equal(RateLimitStore.Redis, (await host.Limiter.DecideAsync(LimiterHost.Caller(CallerTiers.Standard))).Store);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);

        await ShutDownAsync(server);
        var caller = LimiterHost.Caller(CallerTiers.Standard);
        for (var i = 0; i < 3; i++)
        {
            var decision = await host.Limiter.DecideAsync(caller);
            Assert.True(decision.Allowed, $"request {i + 1}");
            Assert.Equal(RateLimitStore.Local, decision.Store);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var refused = await host.Limiter.DecideAsync(caller);
        Assert.False(refused.Allowed);
        Assert.Equal(RateLimitWindow.Minute, refused.Counts.DeniedWindow);
        Assert.Equal(57, refused.Counts.RetryAfterSeconds);
        Assert.Equal(RateLimitStore.Local, refused.Store);
        Assert.True(host.Limiter.IsDegraded);
        Assert.Equal(HealthStatus.Degraded, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.Equal(3, host.Decisions("allowed", "local"));
        Assert.Equal(1, host.Decisions("limited", "local"));

        await server.RestartAsync();
        await WaitUntilAsync(async () => (await health.CheckHealthAsync(new HealthCheckContext())).Status == HealthStatus.Healthy);
        Assert.False(host.Limiter.IsDegraded);
        var back = await host.Limiter.DecideAsync(caller);
        Assert.Equal(RateLimitStore.Redis, back.Store);
        Assert.True(back.Allowed); // the restarted Redis lost its counts (no persistence in tests)
        Assert.Equal(2, back.Counts.MinuteRemaining);
    }

    [Fact]
    public async Task Requests_return_to_redis_by_themselves_once_it_is_back()
    {
        await using var server = await RedisServer.StartAsync();
        var clock = new ManualTimeProvider(Noon);
        using var host = LimiterHost.Create(server.ConnectionString, clock, Settings);
        var caller = LimiterHost.Caller(CallerTiers.Partner);
        Assert.Equal(RateLimitStore.Redis, (await host.Limiter.DecideAsync(caller)).Store);

        await ShutDownAsync(server);
        Assert.Equal(RateLimitStore.Local, (await host.Limiter.DecideAsync(caller)).Store);
        Assert.True(host.Limiter.IsDegraded);

        await server.RestartAsync();
        await WaitUntilAsync(async () => (await host.Limiter.DecideAsync(caller)).Store == RateLimitStore.Redis);
        Assert.False(host.Limiter.IsDegraded);
    }

    [Fact]
    public async Task A_hung_redis_costs_a_request_no_more_than_the_timeout()
    {
        await using var server = await RedisServer.StartAsync();
        var clock = new ManualTimeProvider(Noon);
        using var host = LimiterHost.Create(server.ConnectionString, clock, Settings);
        var caller = LimiterHost.Caller(CallerTiers.Standard);
        Assert.Equal(RateLimitStore.Redis, (await host.Limiter.DecideAsync(caller)).Store);

        Assert.Equal("+OK\r\n", await server.CommandAsync("CLIENT", "PAUSE", "5000", "ALL"));
        var stopwatch = Stopwatch.StartNew();
        var decision = await host.Limiter.DecideAsync(caller);
        var elapsed = stopwatch.Elapsed;
        Assert.Equal(RateLimitStore.Local, decision.Store);
        Assert.True(elapsed < TimeSpan.FromSeconds(2.5), $"took {elapsed}");
        Assert.True(host.Limiter.IsDegraded);

        // While degraded, requests do not wait for Redis at all (only one retry at a time does).
        stopwatch.Restart();
        for (var i = 0; i < 20; i++) await host.Limiter.DecideAsync(LimiterHost.Caller(CallerTiers.Standard));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2.5), $"20 decisions took {stopwatch.Elapsed}");

        await WaitUntilAsync(async () => (await host.Limiter.DecideAsync(LimiterHost.Caller(CallerTiers.Standard))).Store == RateLimitStore.Redis);
        Assert.False(host.Limiter.IsDegraded);
    }

    [Fact]
    public async Task A_gateway_started_while_redis_is_down_limits_locally_from_the_first_request()
    {
        var port = FreePort.Next();
        var clock = new ManualTimeProvider(Noon);
        using var host = LimiterHost.Create($"127.0.0.1:{port}", clock, Settings);
        var caller = LimiterHost.Caller(CallerTiers.Standard);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++) Assert.True((await host.Limiter.DecideAsync(caller)).Allowed);
        var refused = await host.Limiter.DecideAsync(caller);
        Assert.False(refused.Allowed);
        Assert.Equal(RateLimitStore.Local, refused.Store);
        Assert.True(host.Limiter.IsDegraded);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    private static async Task ShutDownAsync(RedisServer server)
    {
        try
        {
            await server.CommandAsync("SHUTDOWN", "NOSAVE");
        }
        catch (IOException)
        {
            // The server closes the connection instead of answering.
        }

        await WaitUntilAsync(async () =>
        {
            try
            {
                await server.CommandAsync("PING");
                return false;
            }
            catch (System.Net.Sockets.SocketException)
            {
                return true;
            }
        });
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(20)) throw new TimeoutException("The condition did not become true within 20 s.");
            await Task.Delay(100);
        }
    }
}
