namespace Observatory.Tests.ServiceDefaults;

/// <summary>
/// Runs alone, after the parallel tests. The OpenTelemetry SDK merges same-named instruments of every host in the
/// process into one metric stream (e.g. each host's <c>http.server.request.duration</c>), and stops reporting that
/// stream once any of those instruments ends — which happens whenever another test disposes its host. Assertions on
/// the content of <c>/metrics</c> must not run while other tests start and stop hosts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NonParallelMetricsCollection
{
    public const string Name = "Service defaults metrics (not run in parallel)";
}
