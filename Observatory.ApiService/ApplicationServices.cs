using Observatory.ApiService.Batches;
using Observatory.Data.Retention;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Observatory.ApiService.Analyses;
using Observatory.ApiService.Audit;
using Observatory.ApiService.Keys;
using Observatory.ApiService.Analyses.Submission;
using Observatory.ApiService.Examples;
using Observatory.ApiService.Identity;
using Observatory.Contracts.Json;
using Observatory.ApiService.OpenApi;
using Observatory.ApiService.Queueing;
using Observatory.ApiService.Webhooks;
using Observatory.Data;
using Observatory.Messaging;
using Observatory.Messaging.Audit;

namespace Observatory.ApiService;

public static class ApplicationServices
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddObservatoryDatabase();
        builder.AddJobStream();

        var services = builder.Services;
        services.TryAddTimeProvider();
        services.ConfigureHttpJsonOptions(o => ResourceJsonConventions.Configure(o.SerializerOptions));
        services.AddOptions<ApiLimits>().BindConfiguration(ApiLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section);
        services.AddOptions<QueueingOptions>().BindConfiguration(QueueingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddCallerIdentity();
        builder.AddWebhooks();

        services.AddSingleton(sp => new ExampleCatalog(
            builder.Configuration["Observatory:Examples:Directory"] ?? Path.Combine(AppContext.BaseDirectory, "examples")));
        services.AddSingleton<IExampleCatalog>(sp => sp.GetRequiredService<ExampleCatalog>());
        services.AddSingleton(sp => new ConversationRequestReader(sp.GetRequiredService<IOptions<ApiLimits>>().Value, sp.GetRequiredService<IExampleCatalog>()));
        services.AddScoped<AnalysisSubmitter>();
        services.AddScoped<AnalysisReader>();
        services.AddScoped<AnalysisCanceller>();
        services.AddBatches();

        services.AddSingleton<AnalysisChangeFeed>();

        services.AddSingleton<OutboxSignal>();
        services.AddHostedService<OutboxRelay>();
        services.AddSingleton<StalledJobSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<StalledJobSweeper>());

        services.AddScoped<AdminAuditLog>();
        services.AddSingleton<AuditStreamReader>();
        services.AddHostedService<AuditIngestor>();
        services.AddScoped<ApiKeyIssuer>();
        services.AddSingleton<ApiKeyProjection>();
        services.AddHostedService(sp => sp.GetRequiredService<ApiKeyProjection>());

        services.AddApiDocumentation();
        return builder;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
