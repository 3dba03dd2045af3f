using Observatory.Gateway.Health;
using Observatory.Gateway.Proxy;

namespace Observatory.Gateway;

public static class ApplicationServices
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        // Batches may be up to 32 MiB (CONTRACT §2); the ApiService enforces the exact limits per endpoint.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 33L * 1024 * 1024);

        builder.Services.AddReverseProxy().LoadFromMemory(ApiServiceRoutes.Routes, ApiServiceRoutes.Clusters(builder.Configuration));
        builder.Services.AddHttpClient(ApiServiceHealthCheck.ClientName);
        builder.Services.AddHealthChecks().AddCheck<ApiServiceHealthCheck>("apiservice");
        return builder;
    }
}
