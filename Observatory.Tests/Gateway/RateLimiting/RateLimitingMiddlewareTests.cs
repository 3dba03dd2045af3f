using Observatory.Tests.Infrastructure;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Observatory.Gateway.Identity;
using Observatory.Gateway.RateLimiting;

namespace Observatory.Tests.Gateway.RateLimiting;

public sealed class RateLimitingMiddlewareTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly DateTimeOffset Noon = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_counted_response_carries_the_rate_limit_headers()
    {
        await using var gateway = await TestGateway.StartAsync(redis.Server.ConnectionString, new ManualTimeProvider(Noon));
        var key = Guid.NewGuid().ToString("N");

        using var first = await gateway.GetAsync("/api/v1/things", $"standard:{key}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"minute\";q=60;w=60, \"day\";q=5000;w=86400", Header(first, "RateLimit-Policy"));
        Assert.Equal("\"minute\";r=59;t=60", Header(first, "RateLimit"));
        Assert.Equal("60", Header(first, "X-RateLimit-Limit"));
        Assert.Equal("59", Header(first, "X-RateLimit-Remaining"));
        Assert.Equal((Noon.ToUnixTimeSeconds() + 60).ToString(System.Globalization.CultureInfo.InvariantCulture), Header(first, "X-RateLimit-Reset"));
        Assert.False(first.Headers.Contains("Retry-After"));

        gateway.Clock.Advance(TimeSpan.FromSeconds(12.5));
        using var second = await gateway.GetAsync("/api/v1/things", $"standard:{key}");
        Assert.Equal("\"minute\";r=58;t=48", Header(second, "RateLimit"));
        Assert.Equal((Noon.ToUnixTimeSeconds() + 12 + 48).ToString(System.Globalization.CultureInfo.InvariantCulture), Header(second, "X-RateLimit-Reset"));
        Assert.Equal(2, gateway.BackendCalls);
    }

    [Fact]
    public async Task The_eleventh_public_request_gets_a_429_problem_and_never_reaches_the_backend()
    {
        Assert.Equal("+OK\r\n", await redis.Server.CommandAsync("FLUSHALL")); // public callers are keyed by 127.0.0.1 here
        await using var gateway = await TestGateway.StartAsync(redis.Server.ConnectionString, new ManualTimeProvider(Noon));

        for (var i = 1; i <= 10; i++)
        {
            using var allowed = await gateway.GetAsync("/api/v1/things");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Equal($"\"minute\";r={10 - i};t={60 - (i - 1) * 2}", Header(allowed, "RateLimit"));
            gateway.Clock.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.Equal(10, gateway.BackendCalls);
        using var limited = await gateway.GetAsync("/api/v1/things"); // 12:00:20
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal("40", Header(limited, "Retry-After"));
        Assert.Equal("\"minute\";q=10;w=60, \"day\";q=500;w=86400", Header(limited, "RateLimit-Policy"));
        Assert.Equal("\"minute\";r=0;t=40", Header(limited, "RateLimit"));
        Assert.Equal("10", Header(limited, "X-RateLimit-Limit"));
        Assert.Equal("0", Header(limited, "X-RateLimit-Remaining"));
        Assert.Equal((Noon.ToUnixTimeSeconds() + 60).ToString(System.Globalization.CultureInfo.InvariantCulture), Header(limited, "X-RateLimit-Reset"));

        using var body = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        var problem = body.RootElement;
        Assert.Equal(RateLimitProblem.Type, problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.Equal("public", problem.GetProperty("tier").GetString());
        Assert.Equal("minute", problem.GetProperty("window").GetString());
        Assert.Equal(10, problem.GetProperty("limit").GetInt32());
        Assert.Equal(40, problem.GetProperty("retry_after").GetInt32());
        Assert.Equal(10, gateway.BackendCalls);

        using var examples = await gateway.GetAsync("/examples/chat.json");
        Assert.Equal(HttpStatusCode.TooManyRequests, examples.StatusCode);

        gateway.Clock.Set(Noon.AddSeconds(60));
        using var again = await gateway.GetAsync("/api/v1/things");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(11, gateway.BackendCalls);
    }

    [Fact]
    public async Task A_used_up_day_answers_with_the_day_window_and_the_wait_until_midnight()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2030, 1, 1, 23, 58, 0, TimeSpan.Zero));
        await using var gateway = await TestGateway.StartAsync(redis.Server.ConnectionString, clock, new Dictionary<string, string?>
        {
            ["Observatory:RateLimits:Partner:PerDay"] = "2",
        });
        var key = Guid.NewGuid().ToString("N");
        using (await gateway.GetAsync("/api/v1/things", $"partner:{key}")) { }
        using var last = await gateway.GetAsync("/api/v1/things", $"partner:{key}");
        Assert.Equal("2", Header(last, "X-RateLimit-Limit")); // the day binds: 0 left today, 598 this minute
        Assert.Equal("0", Header(last, "X-RateLimit-Remaining"));
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            Header(last, "X-RateLimit-Reset"));

        using var limited = await gateway.GetAsync("/api/v1/things", $"partner:{key}");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("120", Header(limited, "Retry-After"));
        using var body = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        Assert.Equal("day", body.RootElement.GetProperty("window").GetString());
        Assert.Equal(2, body.RootElement.GetProperty("limit").GetInt32());
        Assert.Equal(120, body.RootElement.GetProperty("retry_after").GetInt32());
        Assert.Equal("partner", body.RootElement.GetProperty("tier").GetString());
        Assert.Equal(2, gateway.BackendCalls);
    }

    [Fact]
    public async Task Health_docs_metrics_and_ui_files_are_never_counted()
    {
        await using var gateway = await TestGateway.StartAsync(redis.Server.ConnectionString, new ManualTimeProvider(Noon), new Dictionary<string, string?>
        {
            ["Observatory:RateLimits:Standard:PerMinute"] = "2",
        });
        var key = Guid.NewGuid().ToString("N");
        string[] uncounted = ["/health", "/alive", "/metrics", "/docs", "/docs/index.html", "/openapi/v1.json", "/", "/index.html", "/app.js", "/apiary", "/api", "/examplesx"];
        for (var round = 0; round < 3; round++)
        {
            foreach (var path in uncounted)
            {
                using var response = await gateway.GetAsync(path, $"standard:{key}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.False(response.Headers.Contains("RateLimit"), path);
                Assert.False(response.Headers.Contains("X-RateLimit-Limit"), path);
            }
        }

        using var counted = await gateway.GetAsync("/API/v1/things", $"standard:{key}");
        Assert.Equal("\"minute\";r=1;t=60", Header(counted, "RateLimit"));
        using var examples = await gateway.GetAsync("/examples", $"standard:{key}");
        Assert.Equal("\"minute\";r=0;t=60", Header(examples, "RateLimit"));
        using var limited = await gateway.GetAsync("/examples/chat.json", $"standard:{key}");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Fact]
    public async Task Admin_requests_are_never_limited_and_carry_no_rate_limit_headers()
    {
        await using var gateway = await TestGateway.StartAsync(redis.Server.ConnectionString, new ManualTimeProvider(Noon), new Dictionary<string, string?>
        {
            ["Observatory:RateLimits:Public:PerMinute"] = "1",
        });
        for (var i = 0; i < 15; i++)
        {
            using var response = await gateway.GetAsync("/api/v1/things", "admin:admin");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("RateLimit"));
        }

        Assert.Equal(15, gateway.BackendCalls);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"No {name} header.");

    /// <summary>A minimal gateway on 127.0.0.1: a stand-in identity step (the <c>X-Test-Caller: tier:key</c> header), the
    /// limiter, and endpoints standing in for the backend, health and UI.</summary>
    private sealed class TestGateway : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly HttpClient _client;
        private int _backendCalls;

        private TestGateway(WebApplication app, ManualTimeProvider clock)
        {
            _app = app;
            Clock = clock;
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            _client = new HttpClient { BaseAddress = new Uri(address) };
        }

        public ManualTimeProvider Clock { get; }

        public int BackendCalls => Volatile.Read(ref _backendCalls);

        public static async Task<TestGateway> StartAsync(string redisConnectionString, ManualTimeProvider clock, IDictionary<string, string?>? settings = null)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Configuration["ConnectionStrings:cache"] = redisConnectionString;
            builder.Configuration["Observatory:RateLimits:RedisTimeout"] = "00:00:05";
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.Configuration[key] = value;
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.AddTierRateLimiting();
            var app = builder.Build();
            TestGateway? gateway = null;

            app.Use(async (context, next) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Caller", out var value) && value.ToString().Split(':', 2) is [var tier, var key])
                    context.Features.Set(tier == CallerTiers.Admin
                        ? new GatewayCaller(tier, "admin", "admin", null, "127.0.0.1")
                        : new GatewayCaller(tier, $"key:{key}", $"key:{key}", "obs_test", "127.0.0.1"));
                await next(context);
            });
            app.UseTierRateLimiting();
            app.Run(context =>
            {
                if (RateLimitedPaths.IsCounted(context.Request.Path)) Interlocked.Increment(ref gateway!._backendCalls);
                context.Response.ContentType = "text/plain";
                return context.Response.WriteAsync("ok");
            });

            await app.StartAsync();
            gateway = new TestGateway(app, clock);
            return gateway;
        }

        public async Task<HttpResponseMessage> GetAsync(string path, string? caller = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (caller is not null) request.Headers.Add("X-Test-Caller", caller);
            var response = await _client.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            return response;
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
