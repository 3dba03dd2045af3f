using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Observatory.AnalysisWorker.Enrichment;

public static class LlmRegistration
{
    /// <summary>Connection-string name (<c>ConnectionStrings:llm</c>, env <c>ConnectionStrings__llm</c>).</summary>
    public const string ConnectionName = "llm";

    /// <summary>
    /// Registers <see cref="ILlmEnricher"/>: the OpenAI-compatible client when <c>ConnectionStrings:llm</c> is set,
    /// otherwise <see cref="NotConfiguredLlmEnricher"/>. <see cref="LlmOptions"/> are validated at start-up, and an
    /// invalid connection string stops start-up with a message saying what is wrong.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>ConnectionStrings:llm</c> is set but invalid.</exception>
    public static IHostApplicationBuilder AddLlmEnrichment(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());

        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        var defaultModel = builder.Configuration[$"{LlmOptions.Section}:{nameof(LlmOptions.Model)}"];
        if (LlmConnection.TryParse(connectionString, defaultModel, out var connection, out var error))
        {
            services.TryAddSingleton(connection);
            services.TryAddSingleton<ILlmEnricher>(sp => new OpenAiLlmEnricher(
                sp.GetRequiredService<LlmConnection>(),
                sp.GetRequiredService<IOptions<LlmOptions>>(),
                sp.GetRequiredService<ILogger<OpenAiLlmEnricher>>()));
        }
        else if (error is not null)
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is invalid: {error}.");
        }
        else
        {
            services.TryAddSingleton<ILlmEnricher, NotConfiguredLlmEnricher>();
        }
        return builder;
    }
}
