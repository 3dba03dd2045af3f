using System.Globalization;

namespace Observatory.Tests.Infrastructure;

/// <summary>One Observatory service run as a real process from its build output, wired by the same environment
/// variables Aspire and <c>./observatory up</c> set.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string _project;
    private readonly Dictionary<string, string?> _environment;

    public ServiceProcess(string project, string serviceName, IDictionary<string, string?> environment, int? port = null)
    {
        _project = project;
        Port = port ?? FreePort.Next();
        _environment = new Dictionary<string, string?>(environment)
        {
            ["OTEL_SERVICE_NAME"] = serviceName,
            ["HTTP_PORTS"] = Port.ToString(CultureInfo.InvariantCulture),
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
        };
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public ExternalProcess? Process { get; private set; }

    public async Task StartAsync()
    {
        var assembly = RepositoryPaths.ServiceAssembly(_project);
        if (!File.Exists(assembly)) throw new InvalidOperationException($"{assembly} is missing: build the solution first.");
        Process = ExternalProcess.Start("dotnet", [assembly], _environment, Path.GetDirectoryName(assembly));
        await WaitHealthyAsync(TimeSpan.FromSeconds(60));
    }

    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Process!.HasExited) throw new InvalidOperationException($"{_project} exited ({Process.ExitCode}):\n{Process.Tail()}");
            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, "/health"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{_project} did not become healthy:\n{Process!.Tail()}");
    }

    public Task KillAsync() => Process?.KillAsync() ?? Task.CompletedTask;

    public Task StopAsync() => Process?.StopAsync(TimeSpan.FromSeconds(25)) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (Process is not null) await Process.DisposeAsync();
    }
}
