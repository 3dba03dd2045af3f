using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Observatory.Messaging;

public static class MessagingRegistration
{
    /// <summary>Wires Redis from <c>ConnectionStrings:cache</c> (Aspire's <c>host:port,password=…</c> form) and
    /// the job stream. <paramref name="failureStatus"/> lets a service that can run without Redis report itself
    /// degraded instead of unhealthy.</summary>
    public static IHostApplicationBuilder AddJobStream(this IHostApplicationBuilder builder, HealthStatus failureStatus = HealthStatus.Unhealthy)
    {
        var connectionString = builder.Configuration.GetConnectionString("cache")
            ?? throw new InvalidOperationException("ConnectionStrings:cache is not configured (Redis, e.g. 127.0.0.1:6379).");
        builder.Services.AddSingleton(_ => new RedisConnections(connectionString));
        builder.Services.AddOptions<JobStreamOptions>().BindConfiguration(JobStreamOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RedisJobStream>();
        builder.Services.AddSingleton<AnalysisSignals>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AnalysisSignals>());
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", failureStatus);
        return builder;
    }
}
