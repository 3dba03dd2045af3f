using Observatory.Analysis;
using Observatory.AnalysisWorker.Batches;
using Observatory.AnalysisWorker.Enrichment;
using Observatory.AnalysisWorker.Jobs;
using Observatory.AnalysisWorker.Retention;
using Observatory.AnalysisWorker.Webhooks;
using Observatory.Data;
using Observatory.Messaging;

namespace Observatory.AnalysisWorker;

public static class ApplicationServices
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddObservatoryDatabase();
        builder.AddJobStream();
        builder.AddLlmEnrichment();
        builder.AddRetentionSweeper();
        builder.AddWebhookDelivery();

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
        services.AddBatchFinalization();

        services.AddHostedService<CancellationRelay>();
        services.AddHostedService<AnalysisJobConsumer>();
        return builder;
    }
}
