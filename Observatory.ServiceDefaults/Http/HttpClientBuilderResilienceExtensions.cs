using Observatory.ServiceDefaults.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Per-client control over the standard resilience that <c>AddServiceDefaults</c> gives every HttpClient.</summary>
public static class HttpClientBuilderResilienceExtensions
{
    /// <summary>
    /// Leaves this named or typed client without the standard resilience handler (timeouts, retries, circuit
    /// breaker): each request is sent exactly once, with only <see cref="System.Net.Http.HttpClient.Timeout"/> applying.
    /// For clients that schedule their own retries, such as webhook delivery. Order relative to
    /// <c>AddServiceDefaults</c> does not matter.
    /// </summary>
    public static IHttpClientBuilder WithoutStandardResilience(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<StandardResilienceSelection>(builder.Name, selection => selection.Enabled = false);
        return builder;
    }
}
