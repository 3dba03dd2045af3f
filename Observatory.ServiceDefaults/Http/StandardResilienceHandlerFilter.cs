using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Observatory.ServiceDefaults.Http;

/// <summary>
/// Adds the <see cref="ResilienceHandler"/> of the client's name to every handler chain IHttpClientFactory builds,
/// after the client's own configuration has run, as the outermost of the client's additional handlers: every retry
/// goes again through the handlers the client added itself. (A builder filter, because it is the supported place
/// that knows the client name; the pipeline, and so the circuit state, is per name.)
/// </summary>
internal sealed class StandardResilienceHandlerFilter(
    HttpResiliencePipelines pipelines,
    IOptionsMonitor<StandardResilienceSelection> selection) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);

        var clientName = builder.Name ?? string.Empty;
        if (!selection.Get(clientName).Enabled)
        {
            return;
        }

        builder.AdditionalHandlers.Insert(0, new ResilienceHandler(pipelines.For(clientName), clientName));
    };
}
