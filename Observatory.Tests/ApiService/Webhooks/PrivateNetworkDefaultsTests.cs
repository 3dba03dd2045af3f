using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Observatory.AnalysisWorker.Webhooks;
using Observatory.ApiService.Webhooks;

namespace Observatory.Tests.ApiService.Webhooks;

/// <summary>CONTRACT §5: AllowPrivateNetworks is true by default only in the Development environment, at both ends;
/// configuration overrides it.</summary>
public sealed class PrivateNetworkDefaultsTests
{
    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Production", null, false)]
    [InlineData("Staging", null, false)]
    [InlineData("Development", "false", false)]
    [InlineData("Production", "true", true)]
    public void Both_ends_default_to_private_networks_only_in_development(string environment, string? configured, bool expected)
    {
        Assert.Equal(expected, Resolve<CallbackUrlOptions>(environment, configured, b => b.AddWebhooks()).AllowPrivateNetworks);
        Assert.Equal(expected, Resolve<WebhookOptions>(environment, configured, b => b.AddWebhookDelivery()).AllowPrivateNetworks);
    }

    private static T Resolve<T>(string environment, string? configured, Action<WebApplicationBuilder> register) where T : class
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        if (configured is not null) builder.Configuration["Observatory:Webhooks:AllowPrivateNetworks"] = configured;
        register(builder);
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<T>>().Value;
    }
}
