using Npgsql;
using Observatory.Analysis;
using Observatory.AnalysisWorker.Enrichment;
using Observatory.AnalysisWorker.Jobs;
using Observatory.Data;
using Observatory.Data.Notifications;
using Observatory.Messaging;

namespace Observatory.AnalysisWorker;

public static class ApplicationServices
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddObservatoryDatabase();
        builder.AddJobStream();
        builder.AddLlmEnrichment();

        var services = builder.Services;
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // In-flight jobs get this long to finish or hand themselves back on SIGTERM.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));

        services.AddSingleton<ConversationAnalyzer>();
        services.AddSingleton<RunningJobs>();
        services.AddSingleton<WorkerMetrics>();
        services.AddSingleton<AnalysisLedger>();
        services.AddSingleton<AnalysisJobProcessor>();

        // Cancellations arrive as PostgreSQL notifications and stop the matching running job.
        services.AddSingleton(sp =>
        {
            var listener = new PostgresNotificationListener(sp.GetRequiredService<NpgsqlDataSource>(),
                NotificationChannels.AnalysisCancelled, sp.GetRequiredService<ILogger<PostgresNotificationListener>>());
            listener.Subscribe(sp.GetRequiredService<RunningJobs>().Cancel);
            return listener;
        });
        services.AddHostedService(sp => sp.GetRequiredService<PostgresNotificationListener>());
        services.AddHostedService<AnalysisJobConsumer>();
        return builder;
    }
}
