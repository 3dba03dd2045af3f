using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Observatory.Messaging;

namespace Observatory.Gateway.RateLimiting;

public static class RateLimitingRegistration
{
    /// <summary>Registers the tier rate limiter: options from <c>Observatory:RateLimits</c> (validated at start-up), Redis from
    /// <c>ConnectionStrings:cache</c> unless <see cref="RedisConnections"/> is already registered, and the app's <see cref="TimeProvider"/>.</summary>
    public static IServiceCollection AddTierRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>());
        if (!services.Any(d => d.ServiceType == typeof(RedisConnections)))
        {
            var connectionString = configuration.GetConnectionString("cache")
                ?? throw new InvalidOperationException("ConnectionStrings:cache is not configured (Redis, e.g. 127.0.0.1:6379); the gateway's rate limits are shared through it.");
            services.AddSingleton(_ => new RedisConnections(connectionString));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<RateLimitMetrics>();
        services.TryAddSingleton<RedisWindowStore>();
        services.TryAddSingleton<LocalWindowStore>();
        services.TryAddSingleton<TierRateLimiter>();
        services.AddHostedService<RateLimitRedisWarmup>();
        return services;
    }

    public static WebApplicationBuilder AddTierRateLimiting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddTierRateLimiting(builder.Configuration);
        return builder;
    }

    /// <summary>Place after the identity step (it reads the caller it sets) and before the proxy.</summary>
    public static IApplicationBuilder UseTierRateLimiting(this IApplicationBuilder app) => app.UseMiddleware<RateLimitingMiddleware>();
}
