namespace Observatory.Tests.Infrastructure;

/// <summary>The three services as real processes — ApiService, AnalysisWorker, Gateway — on a database and a Redis
/// of their own. Tests talk to it only through the gateway, as users do.</summary>
public sealed class ServiceStack : IAsyncDisposable
{
    public const string IdentitySecret = "test-identity-secret-0123456789abcdef";
    public const string AdminKey = "obs_admin_test_key_0123456789";
    public const string JwtSigningKey = "test-partner-signing-key-0123456789abcdef";

    private readonly Dictionary<string, string?> _environment;
    private readonly List<ServiceProcess> _workers = [];
    private readonly List<ServiceProcess> _extraGateways = [];

    private ServiceStack(RedisServer redis, Dictionary<string, string?> environment)
    {
        Redis = redis;
        _environment = environment;
    }

    public RedisServer Redis { get; }
    public string DatabaseConnectionString => _environment["ConnectionStrings__observatory"]!;
    public ServiceProcess Api { get; private set; } = null!;
    public ServiceProcess Gateway { get; private set; } = null!;
    public IReadOnlyList<ServiceProcess> Workers => _workers;
    public HttpClient Client { get; private set; } = null!;

    /// <param name="settings">Extra configuration for every service, e.g. <c>Observatory__Worker__LeaseDuration</c>.</param>
    public static async Task<ServiceStack> StartAsync(string purpose, IDictionary<string, string?>? settings = null)
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync(purpose);
        var redis = await RedisServer.StartAsync();
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__observatory"] = database,
            ["ConnectionStrings__cache"] = redis.ConnectionString,
            ["Observatory__Gateway__IdentitySecret"] = IdentitySecret,
            ["Observatory__Auth__AdminKey"] = AdminKey,
            // Quick recovery so crash tests finish in seconds rather than minutes.
            ["Observatory__Queue__ClaimIdleTime"] = "00:00:03",
            ["Observatory__Worker__LeaseDuration"] = "00:00:03",
            ["Observatory__Worker__ClaimInterval"] = "00:00:01",
            ["Observatory__Queueing__StalledAfter"] = "00:00:03",
            ["Observatory__Queueing__StalledSweepInterval"] = "00:00:01",
            // Pipeline tests poll as public callers; tests about limits set the contract's numbers themselves.
            ["Observatory__RateLimits__Public__PerMinute"] = "100000",
            ["Observatory__RateLimits__Public__PerDay"] = "1000000",
            ["Observatory__Auth__Jwt__SigningKey"] = JwtSigningKey,
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging__LogLevel__Yarp"] = "Warning",
        };
        if (settings is not null)
            foreach (var (key, value) in settings) environment[key] = value;

        var stack = new ServiceStack(redis, environment);
        stack.Api = new ServiceProcess("Observatory.ApiService", "apiservice", environment);
        await stack.Api.StartAsync();
        await stack.StartWorkerAsync();
        stack.Gateway = new ServiceProcess("Observatory.Gateway", "gateway", new Dictionary<string, string?>(environment)
        {
            ["services__apiservice__http__0"] = stack.Api.BaseAddress.ToString().TrimEnd('/'),
            ["services__analysisworker__http__0"] = stack.Workers[0].BaseAddress.ToString().TrimEnd('/'),
        });
        await stack.Gateway.StartAsync();
        stack.Client = new HttpClient { BaseAddress = stack.Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        return stack;
    }

    /// <summary>Another gateway replica on the same ApiService and Redis (replicas share limits and key revocations).</summary>
    public async Task<ServiceProcess> StartGatewayAsync()
    {
        var gateway = new ServiceProcess("Observatory.Gateway", "gateway",
            new Dictionary<string, string?>(_environment) { ["services__apiservice__http__0"] = Api.BaseAddress.ToString().TrimEnd('/') });
        await gateway.StartAsync();
        _extraGateways.Add(gateway);
        return gateway;
    }

    public async Task<ServiceProcess> StartWorkerAsync()
    {
        var worker = new ServiceProcess("Observatory.AnalysisWorker", "analysisworker", _environment);
        await worker.StartAsync();
        _workers.Add(worker);
        return worker;
    }

    /// <summary>Stops the ApiService (SIGTERM) and starts it again on the same port, so the gateway finds it.</summary>
    public async Task RestartApiAsync()
    {
        await Api.StopAsync();
        await Api.DisposeAsync();
        Api = new ServiceProcess("Observatory.ApiService", "apiservice", _environment, Api.Port);
        await Api.StartAsync();
    }

    /// <summary>Everything the services printed, for failure messages.</summary>
    public string Logs() =>
        $"--- api\n{Api.Process?.Tail(60)}\n--- gateway\n{Gateway?.Process?.Tail(30)}\n" +
        string.Concat(_workers.Select((w, i) => $"--- worker {i}\n{w.Process?.Tail(60)}\n"));

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Gateway is not null) await Gateway.DisposeAsync();
        foreach (var gateway in _extraGateways) await gateway.DisposeAsync();
        foreach (var worker in _workers) await worker.DisposeAsync();
        if (Api is not null) await Api.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
