using Observatory.Data.Batches;

namespace Observatory.AnalysisWorker.Batches;

public static class BatchFinalizationServices
{
    public static IServiceCollection AddBatchFinalization(this IServiceCollection services)
    {
        services.AddOptions<BatchAggregationOptions>().BindConfiguration(BatchAggregationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BatchCompletion>();
        services.AddSingleton<BatchFinalizer>();
        services.AddHostedService(sp => sp.GetRequiredService<BatchFinalizer>());
        return services;
    }
}
