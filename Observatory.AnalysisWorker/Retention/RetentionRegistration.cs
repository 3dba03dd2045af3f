using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Observatory.Data.Retention;

namespace Observatory.AnalysisWorker.Retention;

public static class RetentionRegistration
{
    /// <summary>Registers the <see cref="RetentionSweeper"/> with <see cref="RetentionOptions"/> bound from
    /// <c>Observatory:Retention</c> (env <c>Observatory__Retention__Results</c>, <c>__Metadata</c>,
    /// <c>__SweepInterval</c>) and validated at start-up.</summary>
    public static IHostApplicationBuilder AddRetentionSweeper(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidation>());
        services.TryAddSingleton<RetentionSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionSweeper>());
        return builder;
    }
}
