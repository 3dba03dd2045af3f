using Microsoft.Extensions.Options;
using Observatory.ApiService.Analyses.Submission;
using Observatory.Data.Batches;

namespace Observatory.ApiService.Batches;

public static class BatchServices
{
    public static IServiceCollection AddBatches(this IServiceCollection services)
    {
        services.AddOptions<BatchAggregationOptions>().BindConfiguration(BatchAggregationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new BatchRequestReader(sp.GetRequiredService<IOptions<ApiLimits>>().Value, sp.GetRequiredService<ConversationRequestReader>()));
        services.AddSingleton<BatchCompletion>();
        services.AddScoped<BatchSubmitter>();
        services.AddScoped<BatchReader>();
        services.AddScoped<BatchCanceller>();
        services.AddScoped<BatchReprioritizer>();
        return services;
    }
}
