namespace Observatory.ServiceDefaults.Http;

/// <summary>Named options (one per HttpClient name) saying whether the client gets the standard resilience handler.</summary>
internal sealed class StandardResilienceSelection
{
    public bool Enabled { get; set; } = true;
}
