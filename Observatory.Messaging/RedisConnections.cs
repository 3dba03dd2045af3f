using StackExchange.Redis;

namespace Observatory.Messaging;

/// <summary>Two multiplexers: one for ordinary commands and one reserved for blocking stream reads, because a
/// blocking command on a multiplexed connection would hold up every other command queued behind it.
/// Both connect lazily and keep retrying, so a service starts (and reports itself unhealthy) while Redis is down.</summary>
public sealed class RedisConnections : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _commands;
    private readonly Lazy<ConnectionMultiplexer> _blocking;

    public RedisConnections(string connectionString)
    {
        _commands = new Lazy<ConnectionMultiplexer>(() => Connect(connectionString, "commands", syncTimeoutMs: 5000));
        _blocking = new Lazy<ConnectionMultiplexer>(() => Connect(connectionString, "blocking", syncTimeoutMs: 15000));
    }

    public IDatabase Commands => _commands.Value.GetDatabase();
    public IDatabase Blocking => _blocking.Value.GetDatabase();
    public ConnectionMultiplexer Multiplexer => _commands.Value;

    private static ConnectionMultiplexer Connect(string connectionString, string role, int syncTimeoutMs)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectRetry = 3;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = Math.Max(options.SyncTimeout, syncTimeoutMs);
        options.ResponseTimeout = Math.Max(options.ResponseTimeout, syncTimeoutMs);
        options.ClientName = $"observatory-{role}";
        return ConnectionMultiplexer.Connect(options);
    }

    public void Dispose()
    {
        if (_commands.IsValueCreated) _commands.Value.Dispose();
        if (_blocking.IsValueCreated) _blocking.Value.Dispose();
    }
}
