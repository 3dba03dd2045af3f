namespace Observatory.ApiService.Webhooks;

public static class WebhooksRegistration
{
    /// <summary>The callback URL policy, with <c>Observatory:Webhooks:AllowPrivateNetworks</c> defaulting to true in
    /// the Development environment only.</summary>
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CallbackUrlOptions>()
            .Configure(o => o.AllowPrivateNetworks = builder.Environment.IsDevelopment())
            .BindConfiguration(CallbackUrlOptions.Section)
            .Validate(o => o.ResolveTimeout > TimeSpan.Zero && o.ResolveTimeout <= TimeSpan.FromSeconds(30),
                $"{CallbackUrlOptions.Section}:{nameof(CallbackUrlOptions.ResolveTimeout)} must be between 0 and 30 seconds.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CallbackUrlPolicy>();
        return builder;
    }
}
