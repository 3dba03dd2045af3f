using Microsoft.Extensions.Hosting;
using OpenTelemetry;

namespace Observatory.ServiceDefaults.Telemetry;

/// <summary>
/// Makes sure the <see cref="OpenTelemetrySdk"/> singleton exists from host start on: the host resolves every hosted
/// service (and so this constructor's dependency) before it starts any of them, so the tracer and meter listeners are
/// attached before the first request or background job. The container disposes the SDK at shutdown, which flushes
/// and shuts down its exporters.
/// </summary>
internal sealed class OpenTelemetrySdkActivator(OpenTelemetrySdk sdk) : IHostedService
{
    public OpenTelemetrySdk Sdk { get; } = sdk;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
