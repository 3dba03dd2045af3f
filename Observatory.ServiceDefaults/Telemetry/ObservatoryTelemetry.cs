using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Observatory.ServiceDefaults;

/// <summary>
/// Naming rules for the traces and metrics a service emits itself. <c>AddServiceDefaults</c> collects every
/// <see cref="ActivitySource"/> and <see cref="Meter"/> whose name matches <see cref="SourceAndMeterPattern"/>, so a
/// service only has to name its own sources and meters through <see cref="NameFor"/> (for example
/// <c>Observatory.Gateway</c>, <c>Observatory.Analysis.Engine</c>) for them to be exported and scraped.
/// </summary>
public static class ObservatoryTelemetry
{
    /// <summary>The prefix every Observatory-owned source and meter name starts with.</summary>
    public const string NamePrefix = "Observatory.";

    /// <summary>The wildcard subscribed to for both tracing sources and meters. It does not match the bare name "Observatory".</summary>
    public const string SourceAndMeterPattern = NamePrefix + "*";

    /// <summary>
    /// The full source/meter name for a component: <c>NameFor("Gateway")</c> is <c>Observatory.Gateway</c>. A name that
    /// already starts with <see cref="NamePrefix"/> is returned unchanged.
    /// </summary>
    public static string NameFor(string component)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        if (component.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("A telemetry component name cannot contain white space.", nameof(component));
        }

        var name = component.StartsWith(NamePrefix, StringComparison.Ordinal) ? component : NamePrefix + component;
        if (name.Length == NamePrefix.Length)
        {
            throw new ArgumentException("A telemetry component name needs something after the prefix.", nameof(component));
        }

        return name;
    }

    /// <summary>
    /// Creates the <see cref="ActivitySource"/> of a component. Keep one per component in a static field (sources live
    /// for the whole process), e.g. <c>static readonly ActivitySource Source = ObservatoryTelemetry.CreateActivitySource("Worker");</c>.
    /// </summary>
    public static ActivitySource CreateActivitySource(string component, string? version = null) =>
        new(NameFor(component), version);

    /// <summary>
    /// Creates the <see cref="Meter"/> of a component through the host's <see cref="IMeterFactory"/> (inject it), so the
    /// meter's lifetime follows the host's and tests running several hosts do not share instruments.
    /// </summary>
    public static Meter CreateObservatoryMeter(this IMeterFactory meterFactory, string component, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        return meterFactory.Create(NameFor(component), version);
    }
}
