namespace Observatory.ServiceDefaults.Telemetry;

/// <summary>
/// What the OpenTelemetry SDK subscribes to. .NET 10 and Npgsql emit these by themselves, so no instrumentation
/// package is needed: the ASP.NET Core server span comes from the <c>Microsoft.AspNetCore</c> ActivitySource as soon as
/// an ActivityListener samples it, HttpClient's client span from <c>System.Net.Http</c>.
/// </summary>
internal static class CollectedTelemetryNames
{
    public static readonly string[] ActivitySources =
    [
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "Npgsql",
        ObservatoryTelemetry.SourceAndMeterPattern,
    ];

    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "System.Net.Http",
        "System.Runtime",
        "Npgsql",
        ObservatoryTelemetry.SourceAndMeterPattern,
    ];
}
