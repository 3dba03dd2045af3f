using Observatory.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Observatory.Gateway.Identity;
using Observatory.Gateway.RateLimiting;

namespace Observatory.Tests.Gateway.RateLimiting;

public sealed class TierRateLimiterTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly DateTimeOffset Noon = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_tenth_public_request_in_a_rolling_minute_passes_the_eleventh_waits_for_the_oldest_to_leave()
    {
        var clock = new ManualTimeProvider(Noon);
        using var host = LimiterHost.Create(redis.Server.ConnectionString, clock);
        var caller = LimiterHost.Caller(CallerTiers.Public);

        for (var i = 1; i <= 10; i++)
        {
            var decision = await host.Limiter.DecideAsync(caller);
            Assert.True(decision.Allowed, $"request {i}");
            Assert.Equal(RateLimitStore.Redis, decision.Store);
            Assert.Equal(10 - i, decision.Counts.MinuteRemaining);
            Assert.Equal(500 - i, decision.Counts.DayRemaining);
            Assert.Equal(60 - (i - 1), decision.Counts.MinuteResetSeconds); // the first request (at noon) frees the next slot
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        clock.Set(Noon.AddSeconds(9.5));
        var eleventh = await host.Limiter.DecideAsync(caller);
        Assert.False(eleventh.Allowed);
        Assert.Equal(RateLimitWindow.Minute, eleventh.Counts.DeniedWindow);
        Assert.Equal(51, eleventh.Counts.RetryAfterSeconds); // noon + 60 s − 9.5 s, rounded up
        Assert.Equal(0, eleventh.Counts.MinuteRemaining);
        Assert.Equal(490, eleventh.Counts.DayRemaining); // refused requests are not counted

        clock.Set(Noon.AddSeconds(59.999));
        var almost = await host.Limiter.DecideAsync(caller);
        Assert.False(almost.Allowed);
        Assert.Equal(1, almost.Counts.RetryAfterSeconds);

        clock.Set(Noon.AddSeconds(60));
        var after = await host.Limiter.DecideAsync(caller);
        Assert.True(after.Allowed);
        Assert.Equal(0, after.Counts.MinuteRemaining);
        Assert.Equal(1, after.Counts.MinuteResetSeconds); // the 12:00:01 request leaves next

        clock.Set(Noon.AddSeconds(60.5));
        var next = await host.Limiter.DecideAsync(caller);
        Assert.False(next.Allowed);
        Assert.Equal(1, next.Counts.RetryAfterSeconds);
        Assert.Equal(11, host.Decisions("allowed", "redis"));
        Assert.Equal(3, host.Decisions("limited", "redis"));
    }

    [Fact]
    public async Task A_small_daily_limit_rolls_at_utc_midnight()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2030, 3, 31, 23, 59, 0, TimeSpan.Zero));
        using var host = LimiterHost.Create(redis.Server.ConnectionString, clock, new Dictionary<string, string?>
        {
            ["Observatory:RateLimits:Standard:PerMinute"] = "10",
            ["Observatory:RateLimits:Standard:PerDay"] = "3",
        });
        var key = Guid.NewGuid().ToString("N");
        var caller = LimiterHost.Caller(CallerTiers.Standard, key);

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await host.Limiter.DecideAsync(caller)).Allowed);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var refused = await host.Limiter.DecideAsync(caller); // 23:59:03
        Assert.False(refused.Allowed);
        Assert.Equal(RateLimitWindow.Day, refused.Counts.DeniedWindow);
        Assert.Equal(57, refused.Counts.RetryAfterSeconds);
        Assert.Equal(57, refused.Counts.DayResetSeconds);
        Assert.Equal(0, refused.Counts.DayRemaining);
        Assert.Equal(7, refused.Counts.MinuteRemaining);
        Assert.Equal(RateLimitWindow.Day, refused.BindingWindow);

        // The day counter expires on its own a little after midnight (Redis' real clock: ~57 s + the 10 min margin).
        var ttl = await redis.Server.CommandAsync("PTTL", $"observatory:ratelimit:{{standard:key:{key}}}:day:20300331");
        var ttlMs = long.Parse(ttl.TrimStart(':').Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(ttlMs, 600_000, 660_000);

        clock.Set(new DateTimeOffset(2030, 3, 31, 23, 59, 59, 999, TimeSpan.Zero));
        Assert.False((await host.Limiter.DecideAsync(caller)).Allowed);

        clock.Set(new DateTimeOffset(2030, 4, 1, 0, 0, 0, TimeSpan.Zero));
        var nextDay = await host.Limiter.DecideAsync(caller);
        Assert.True(nextDay.Allowed);
        Assert.Equal(2, nextDay.Counts.DayRemaining);
        Assert.Equal(86_400, nextDay.Counts.DayResetSeconds);
        Assert.Equal(7, nextDay.Counts.MinuteRemaining); // 23:59:01, 23:59:02 and this one: the rolling minute ignores midnight
    }

    [Fact]
    public async Task When_both_windows_are_used_up_retry_after_is_the_later_of_the_two()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2030, 5, 1, 23, 59, 50, TimeSpan.Zero));
        using var host = LimiterHost.Create(redis.Server.ConnectionString, clock, new Dictionary<string, string?>
        {
            ["Observatory:RateLimits:Partner:PerMinute"] = "2",
            ["Observatory:RateLimits:Partner:PerDay"] = "2",
        });
        var caller = LimiterHost.Caller(CallerTiers.Partner);
        Assert.True((await host.Limiter.DecideAsync(caller)).Allowed);
        Assert.True((await host.Limiter.DecideAsync(caller)).Allowed);

        var refused = await host.Limiter.DecideAsync(caller);
        Assert.False(refused.Allowed);
        Assert.Equal(RateLimitWindow.Minute, refused.Counts.DeniedWindow); // midnight in 10 s, a minute slot in 60 s
        Assert.Equal(60, refused.Counts.RetryAfterSeconds);

        clock.Advance(TimeSpan.FromSeconds(10)); // a new day, but the minute is still full
        var stillFull = await host.Limiter.DecideAsync(caller);
        Assert.False(stillFull.Allowed);
        Assert.Equal(RateLimitWindow.Minute, stillFull.Counts.DeniedWindow);
        Assert.Equal(50, stillFull.Counts.RetryAfterSeconds);
    }

    [Fact]
    public async Task Two_replicas_on_one_redis_share_one_budget()
    {
        var clock = new ManualTimeProvider(Noon);
        using var first = LimiterHost.Create(redis.Server.ConnectionString, clock);
        using var second = LimiterHost.Create(redis.Server.ConnectionString, clock);
        var caller = LimiterHost.Caller(CallerTiers.Public);

        for (var i = 0; i < 10; i++)
        {
            var replica = i % 2 == 0 ? first : second;
            Assert.True((await replica.Limiter.DecideAsync(caller)).Allowed, $"request {i + 1}");
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.False((await first.Limiter.DecideAsync(caller)).Allowed);
        var fromSecond = await second.Limiter.DecideAsync(caller);
        Assert.False(fromSecond.Allowed);
        Assert.Equal(59, fromSecond.Counts.RetryAfterSeconds);
        Assert.Equal(490, fromSecond.Counts.DayRemaining);
    }

    [Fact]
    public async Task Concurrent_replicas_never_let_more_than_the_limit_through()
    {
        var clock = new ManualTimeProvider(Noon);
        using var first = LimiterHost.Create(redis.Server.ConnectionString, clock);
        using var second = LimiterHost.Create(redis.Server.ConnectionString, clock);
        var caller = LimiterHost.Caller(CallerTiers.Standard);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            (i % 2 == 0 ? first : second).Limiter.DecideAsync(caller).AsTask()));
        Assert.Equal(60, decisions.Count(d => d.Allowed));
        Assert.All(decisions, d => Assert.Equal(RateLimitStore.Redis, d.Store));
    }

    [Fact]
    public async Task Admin_is_never_limited_nor_counted()
    {
        var clock = new ManualTimeProvider(Noon);
        using var host = LimiterHost.Create(redis.Server.ConnectionString, clock, new Dictionary<string, string?>
        {
            ["Observatory:RateLimits:Public:PerMinute"] = "1",
            ["Observatory:RateLimits:Public:PerDay"] = "1",
        });
        var admin = LimiterHost.Caller(CallerTiers.Admin);
        for (var i = 0; i < 50; i++)
        {
            var decision = await host.Limiter.DecideAsync(admin);
            Assert.True(decision.Allowed);
            Assert.True(decision.IsUnlimited);
            Assert.Null(decision.Store);
        }

        Assert.Equal("*0\r\n", await redis.Server.CommandAsync("KEYS", "observatory:ratelimit:{admin*"));
        Assert.Equal(0, host.Decisions("allowed", "redis") + host.Decisions("allowed", "local"));
    }

    [Fact]
    public async Task Each_key_has_its_own_budget()
    {
        var clock = new ManualTimeProvider(Noon);
        using var host = LimiterHost.Create(redis.Server.ConnectionString, clock, new Dictionary<string, string?>
        {
            ["Observatory:RateLimits:Standard:PerMinute"] = "3",
        });
        var first = LimiterHost.Caller(CallerTiers.Standard);
        var second = LimiterHost.Caller(CallerTiers.Standard);
        for (var i = 0; i < 3; i++) Assert.True((await host.Limiter.DecideAsync(first)).Allowed);
        Assert.False((await host.Limiter.DecideAsync(first)).Allowed);

        var other = await host.Limiter.DecideAsync(second);
        Assert.True(other.Allowed);
        Assert.Equal(2, other.Counts.MinuteRemaining);
        Assert.Equal(4_999, other.Counts.DayRemaining);
    }

    [Fact]
    public async Task Tiers_get_their_configured_limits()
    {
        var clock = new ManualTimeProvider(Noon);
        using var host = LimiterHost.Create(redis.Server.ConnectionString, clock);
        var pub = await host.Limiter.DecideAsync(LimiterHost.Caller(CallerTiers.Public));
        var standard = await host.Limiter.DecideAsync(LimiterHost.Caller(CallerTiers.Standard));
        var partner = await host.Limiter.DecideAsync(LimiterHost.Caller(CallerTiers.Partner));
        Assert.Equal((10, 500), (pub.Limits!.PerMinute, pub.Limits.PerDay));
        Assert.Equal((60, 5_000), (standard.Limits!.PerMinute, standard.Limits.PerDay));
        Assert.Equal((600, 50_000), (partner.Limits!.PerMinute, partner.Limits.PerDay));
        Assert.Equal(599, partner.Counts.MinuteRemaining);
    }

    [Fact]
    public async Task A_flushed_script_cache_is_reloaded_without_leaving_redis()
    {
        var clock = new ManualTimeProvider(Noon);
        using var host = LimiterHost.Create(redis.Server.ConnectionString, clock);
        var caller = LimiterHost.Caller(CallerTiers.Standard);
        Assert.Equal(RateLimitStore.Redis, (await host.Limiter.DecideAsync(caller)).Store);

        Assert.Equal("+OK\r\n", await redis.Server.CommandAsync("SCRIPT", "FLUSH"));
        var decision = await host.Limiter.DecideAsync(caller);
        Assert.Equal(RateLimitStore.Redis, decision.Store);
        Assert.Equal(58, decision.Counts.MinuteRemaining);
        Assert.False(host.Limiter.IsDegraded);
    }

    [Fact]
    public async Task The_local_fallback_answers_exactly_like_the_redis_script()
    {
        var limits = new TierLimits { PerMinute = 4, PerDay = 9 };
        using var connections = new Observatory.Messaging.RedisConnections(redis.Server.ConnectionString);
        var store = new RedisWindowStore(connections);
        var local = new LocalWindowStore();
        var key = Guid.NewGuid().ToString("N");
        var now = new DateTimeOffset(2030, 7, 1, 23, 58, 30, TimeSpan.Zero);
        var steps = new[] { 0, 0, 500, 9_000, 1, 14_000, 20_000, 37_000, 1, 999, 23_000, 1_000, 30_000, 2, 60_000, 500, 700, 1_000, 3_000 };
        foreach (var step in steps)
        {
            now = now.AddMilliseconds(step);
            var clock = WindowClock.At(now);
            var expected = await store.DecideAsync("standard", key, limits, clock, TimeSpan.FromSeconds(10), CancellationToken.None);
            var actual = local.Decide("standard", key, limits, clock);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Limits_are_validated_at_start_up()
    {
        using var host = LimiterHost.Create(redis.Server.ConnectionString, TimeProvider.System, new Dictionary<string, string?>
        {
            ["Observatory:RateLimits:Public:PerMinute"] = "0",
            ["Observatory:RateLimits:Partner:PerDay"] = "-5",
        });
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Observatory:RateLimits:Public:PerMinute", error.Message, StringComparison.Ordinal);
        Assert.Contains("Observatory:RateLimits:Partner:PerDay", error.Message, StringComparison.Ordinal);
    }
}
