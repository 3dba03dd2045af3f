using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Observatory.Gateway.Identity;
using Observatory.Gateway.RateLimiting;

namespace Observatory.Tests.Gateway.RateLimiting;

/// <summary>One gateway replica's limiter, wired exactly as the gateway wires it (<c>AddTierRateLimiting</c>), with its own
/// Redis connection, a hand-moved clock and a listener on its decision counter.</summary>
internal sealed class LimiterHost : IDisposable
{
    private readonly ServiceProvider _provider;
    private readonly MeterListener _listener = new();
    private readonly Dictionary<(string Outcome, string Store), long> _decisions = [];

    private LimiterHost(ServiceProvider provider)
    {
        _provider = provider;
        var meterFactory = provider.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meterFactory) && instrument.Meter.Name == RateLimitMetrics.MeterName
                && instrument.Name == RateLimitMetrics.DecisionsCounterName)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string outcome = "", store = "";
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome") outcome = (string)tag.Value!;
                if (tag.Key == "store") store = (string)tag.Value!;
            }

            lock (_decisions) _decisions[(outcome, store)] = _decisions.GetValueOrDefault((outcome, store)) + value;
        });
        _listener.Start();
    }

    public TierRateLimiter Limiter => _provider.GetRequiredService<TierRateLimiter>();

    public IServiceProvider Services => _provider;

    public static LimiterHost Create(string redisConnectionString, TimeProvider clock, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:cache"] = redisConnectionString,
            // Generous, so a busy test machine never makes a decision fall back; outage tests set their own.
            ["Observatory:RateLimits:RedisTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(clock);
        services.AddTierRateLimiting(configuration);
        return new LimiterHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public long Decisions(string outcome, string store)
    {
        lock (_decisions) return _decisions.GetValueOrDefault((outcome, store));
    }

    public static GatewayCaller Caller(string tier, string? key = null)
    {
        key ??= Guid.NewGuid().ToString("N");
        return tier switch
        {
            CallerTiers.Public => GatewayCaller.Public(key),
            CallerTiers.Admin => new GatewayCaller(CallerTiers.Admin, "admin", "admin", null, "127.0.0.1"),
            _ => new GatewayCaller(tier, $"key:{key}", $"key:{key}", "obs_test", "127.0.0.1"),
        };
    }

    public void Dispose()
    {
        _listener.Dispose();
        _provider.Dispose();
    }
}
