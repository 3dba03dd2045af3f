using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Observatory.AnalysisWorker.Jobs;
using Observatory.ApiService.Analyses;

namespace Observatory.Tests.Infrastructure;

/// <summary>The ApiService hosted in the test process (WebApplicationFactory), against real PostgreSQL and Redis.</summary>
public sealed class ApiServiceFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<AnalysisSubmitter>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}

/// <summary>The AnalysisWorker hosted in the test process, against the same PostgreSQL and Redis.</summary>
public sealed class WorkerFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<AnalysisJobConsumer>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}

/// <summary>A database and a Redis of its own, with the ApiService (and, when asked, a worker) in process.</summary>
public sealed class InProcessStack : IAsyncDisposable
{
    public const string IdentitySecret = ServiceStack.IdentitySecret;

    private InProcessStack(RedisServer redis, Dictionary<string, string?> settings)
    {
        Redis = redis;
        Settings = settings;
        Api = new ApiServiceFactory(settings);
    }

    public RedisServer Redis { get; }
    public Dictionary<string, string?> Settings { get; }
    public ApiServiceFactory Api { get; }
    public WorkerFactory? Worker { get; private set; }
    public string DatabaseConnectionString => Settings["ConnectionStrings:observatory"]!;

    public static async Task<InProcessStack> StartAsync(string purpose, bool withWorker, IDictionary<string, string?>? settings = null)
    {
        var postgres = await PostgresServer.GetAsync();
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:observatory"] = await postgres.CreateDatabaseAsync(purpose),
            ["Observatory:Gateway:IdentitySecret"] = IdentitySecret,
            ["Observatory:Queue:ClaimIdleTime"] = "00:00:02",
            ["Observatory:Worker:LeaseDuration"] = "00:00:03",
            ["Observatory:Worker:ClaimInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var redis = await RedisServer.StartAsync();
        all["ConnectionStrings:cache"] = redis.ConnectionString;
        if (settings is not null)
            foreach (var (key, value) in settings) all[key] = value;
        var stack = new InProcessStack(redis, all);
        _ = stack.Api.Server; // start now: migrations run before any test request
        if (withWorker) stack.StartWorker();
        return stack;
    }

    public WorkerFactory StartWorker()
    {
        Worker = new WorkerFactory(Settings);
        _ = Worker.Server;
        return Worker;
    }

    public async Task StopWorkerAsync()
    {
        if (Worker is null) return;
        await Worker.DisposeAsync();
        Worker = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (Worker is not null) await Worker.DisposeAsync();
        await Api.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
