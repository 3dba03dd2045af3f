using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Observatory.AnalysisWorker.Webhooks;

public static class WebhookRegistration
{
    /// <summary>The webhook dispatcher and what it needs: options from <c>Observatory:Webhooks</c> (validated at
    /// start-up; private networks allowed by default only in Development), the guarded HttpClient, and the reader
    /// of analysis resources. Other resource kinds add an <see cref="IWebhookResourceReader"/>.</summary>
    public static WebApplicationBuilder AddWebhookDelivery(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>()
            .Configure(o => o.AllowPrivateNetworks = builder.Environment.IsDevelopment())
            .BindConfiguration(WebhookOptions.Section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());

        services.AddSingleton<GuardedConnector>();
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false, // a proxy would make the guard check the proxy's address instead of the receiver's
                ConnectCallback = sp.GetRequiredService<GuardedConnector>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            .WithoutStandardResilience(); // retries follow the webhook schedule, not the generic pipeline

        services.AddSingleton<WebhookDispatchSignal>();
        services.AddSingleton<WebhookDeliveryLedger>();
        services.AddSingleton<IWebhookResourceReader, AnalysisResourceReader>();
        services.AddSingleton<IWebhookResourceReader, BatchResourceReader>();
        services.AddSingleton<WebhookEventBodies>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService<WebhookDispatcher>();
        return builder;
    }
}
