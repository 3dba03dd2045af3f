using Npgsql;

namespace Observatory.Tests.Infrastructure;

/// <summary>One throwaway PostgreSQL cluster for the whole test run, on a free loopback port, from the machine's
/// own server binaries. Each fixture gets a database of its own, so tests never see each other's rows.</summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private readonly string _directory;
    private readonly string _binaries;
    private int _databases;

    private PostgresServer(string directory, string binaries, int port)
    {
        _directory = directory;
        _binaries = binaries;
        Port = port;
    }

    public int Port { get; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>Creates an empty database and returns its connection string in the form Aspire hands to services.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"t{Interlocked.Increment(ref _databases)}_{new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray())}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Password=postgres;Database={name}";
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var binaries = FindBinaries();
        var directory = Path.Combine(Path.GetTempPath(), $"observatory-tests-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..48]);
        Directory.CreateDirectory(directory);
        var runAsPostgres = Environment.UserName == "root";
        if (runAsPostgres) await RunAsync("chown", ["postgres:", directory]);

        await RunPgAsync(runAsPostgres, Path.Combine(binaries, "initdb"), ["-D", directory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
        var port = FreePort.Next();
        await RunPgAsync(runAsPostgres, Path.Combine(binaries, "pg_ctl"),
        [
            "-D", directory, "-l", Path.Combine(directory, "log"), "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            "start",
        ]);
        var server = new PostgresServer(directory, binaries, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(runAsPostgres);
        return server;
    }

    private void Stop(bool runAsPostgres)
    {
        try
        {
            RunPgAsync(runAsPostgres, Path.Combine(_binaries, "pg_ctl"), ["-D", _directory, "-m", "immediate", "-w", "stop"]).GetAwaiter().GetResult();
            Directory.Delete(_directory, recursive: true);
        }
        catch
        {
            // Best effort at exit: a leftover temp directory is harmless.
        }
    }

    private static string FindBinaries()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("OBSERVATORY_PG_BIN");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(Path.Combine(fromEnvironment, "pg_ctl"))) return fromEnvironment;
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (debian is not null) return debian;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            if (File.Exists(Path.Combine(dir, "pg_ctl"))) return Path.GetDirectoryName(Path.GetFullPath(new FileInfo(Path.Combine(dir, "pg_ctl")).LinkTarget ?? Path.Combine(dir, "pg_ctl")))!;
        throw new InvalidOperationException("PostgreSQL server binaries (pg_ctl, initdb) were not found; ./observatory test installs them.");
    }

    private static Task RunPgAsync(bool runAsPostgres, string tool, string[] arguments) =>
        runAsPostgres ? RunAsync("runuser", ["-u", "postgres", "--", tool, .. arguments]) : RunAsync(tool, arguments);

    private static async Task RunAsync(string fileName, string[] arguments)
    {
        await using var process = ExternalProcess.Start(fileName, arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{process.Output}");
    }
}
