using Microsoft.Extensions.Diagnostics.HealthChecks;
using Observatory.Gateway.Proxy;

namespace Observatory.Gateway.Health;

/// <summary>The gateway is only as ready as the ApiService behind it (CONTRACT §8).</summary>
public sealed class ApiServiceHealthCheck(IHttpClientFactory httpClients, IConfiguration configuration) : IHealthCheck
{
    public const string ClientName = "apiservice-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var client = httpClients.CreateClient(ClientName);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var response = await client.GetAsync(new Uri(new Uri(ApiServiceRoutes.ResolveAddress(configuration)), "/health"), timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var data = new Dictionary<string, object> { ["status_code"] = (int)response.StatusCode };
            if (response.IsSuccessStatusCode)
                return body.Contains("\"Degraded\"", StringComparison.Ordinal)
                    ? HealthCheckResult.Degraded("The ApiService reports itself degraded.", data: data)
                    : HealthCheckResult.Healthy("The ApiService is ready.", data);
            return new HealthCheckResult(context.Registration.FailureStatus, $"The ApiService answered {(int)response.StatusCode}.", data: data);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The ApiService is unreachable.", e);
        }
    }
}
