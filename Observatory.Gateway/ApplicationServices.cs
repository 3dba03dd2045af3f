using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Observatory.Gateway.Audit;
using Observatory.Gateway.Health;
using Observatory.Gateway.Identity;
using Observatory.Gateway.Proxy;
using Observatory.Gateway.RateLimiting;
using Observatory.Gateway.Security;
using Observatory.Identity;
using Observatory.Messaging.Audit;

namespace Observatory.Gateway;

public static class ApplicationServices
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        // Batches may be up to 32 MiB (CONTRACT §2); the ApiService enforces the exact limits per endpoint.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 33L * 1024 * 1024);
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);

        // Rate limiting registers the shared Redis connections the key directory and audit trail use too.
        builder.AddTierRateLimiting();
        services.AddHealthChecks().AddCheck<RateLimiterHealthCheck>("ratelimiter");

        services.AddOptions<GatewayAuthOptions>().BindConfiguration(GatewayAuthOptions.Section);
        services.AddOptions<GatewayIdentityOptions>().BindConfiguration(GatewayIdentityOptions.Section);
        services.AddSingleton<IPostConfigureOptions<ForwardedHeadersOptions>, TrustedProxies>();
        services.AddSingleton<PartnerTokenValidator>();
        services.AddHttpClient(KeyDirectory.ClientName, client => client.Timeout = TimeSpan.FromSeconds(3));
        services.AddSingleton<KeyDirectory>();
        services.AddHostedService(sp => sp.GetRequiredService<KeyDirectory>());
        services.AddSingleton<BufferedAuditTrail>();
        services.AddHostedService(sp => sp.GetRequiredService<BufferedAuditTrail>());

        services.AddSingleton<SignedIdentityTransform>();
        services.AddReverseProxy()
            .LoadFromMemory(ApiServiceRoutes.Routes, ApiServiceRoutes.Clusters(builder.Configuration))
            .AddTransforms(context => context.RequestTransforms.Add(context.Services.GetRequiredService<SignedIdentityTransform>()));
        services.AddHttpClient(ApiServiceHealthCheck.ClientName);
        services.AddHttpClient(MetricsAccessMiddleware.ClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        services.AddHealthChecks().AddCheck<ApiServiceHealthCheck>("apiservice");
        return builder;
    }

    /// <summary>The gateway's request pipeline, outermost first: security headers; problem bodies for bodiless errors
    /// (an unknown path, a backend that cannot be reached); the audit record (so refused
    /// requests are audited too); who is calling (a bad credential stops here with 401); who may read metrics;
    /// the tier's rate limits (a 429 stops here, before any backend).</summary>
    public static WebApplication UseGatewayPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // A path nothing serves (no route, no UI file) answers a problem+json 404 like every other error (CONTRACT).
        app.UseStatusCodePages();
        app.UseMiddleware<BearerChallengeMiddleware>();
        app.UseMiddleware<RequestAuditMiddleware>();
        app.UseMiddleware<CallerAuthentication>();
        app.UseMiddleware<MetricsAccessMiddleware>();
        app.UseTierRateLimiting();
        return app;
    }
}
