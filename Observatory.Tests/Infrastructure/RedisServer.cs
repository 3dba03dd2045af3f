using System.Net.Sockets;

namespace Observatory.Tests.Infrastructure;

/// <summary>A throwaway redis-server on a free loopback port (no persistence), one per fixture so tests that
/// flush or restart it affect nobody else.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private ExternalProcess? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>Aspire's form: <c>host:port</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(FreePort.Next());
        await server.StartProcessAsync();
        return server;
    }

    private async Task StartProcessAsync()
    {
        _process = ExternalProcess.Start("redis-server",
            ["--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--daemonize", "no"]);
        for (var i = 0; i < 100; i++)
        {
            if (await PingAsync()) return;
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"redis-server did not start:\n{_process.Output}");
    }

    /// <summary>Kills the server (losing everything, as it has no persistence) and starts it again on the same port.</summary>
    public async Task RestartAsync()
    {
        if (_process is not null) await _process.KillAsync();
        await StartProcessAsync();
    }

    public async Task<string> CommandAsync(params string[] words)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port);
        await using var stream = client.GetStream();
        var request = $"*{words.Length}\r\n" + string.Concat(words.Select(w => $"${System.Text.Encoding.UTF8.GetByteCount(w)}\r\n{w}\r\n"));
        await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(request));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            return (await CommandAsync("PING")).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
    }
}
