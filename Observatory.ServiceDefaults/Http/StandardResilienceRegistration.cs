using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Observatory.ServiceDefaults.Http;

/// <summary>Gives every HttpClient from IHttpClientFactory the <see cref="ResilienceHandler"/> of its client name.</summary>
internal static class StandardResilienceRegistration
{
    public static void AddStandardHttpResilience(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HttpResilienceOptions>()
            .Bind(builder.Configuration.GetSection(HttpResilienceOptions.SectionName))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<HttpResilienceOptions>, HttpResilienceOptionsValidator>());

        builder.Services.AddHttpClient();
        builder.Services.TryAddSingleton<HttpResiliencePipelines>();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, StandardResilienceHandlerFilter>());
    }
}
