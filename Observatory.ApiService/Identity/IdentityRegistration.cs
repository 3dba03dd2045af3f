using Microsoft.Extensions.Options;

namespace Observatory.ApiService.Identity;

public static class IdentityRegistration
{
    public static IServiceCollection AddCallerIdentity(this IServiceCollection services)
    {
        services.AddOptions<ForwardedIdentityOptions>().BindConfiguration(ForwardedIdentityOptions.Section);
        services.AddHttpContextAccessor();
        services.AddScoped(sp =>
        {
            var context = sp.GetRequiredService<IHttpContextAccessor>().HttpContext
                ?? throw new InvalidOperationException("CallerIdentity is only available within a request.");
            return CallerIdentityResolver.Resolve(context.Request.Headers, context.Connection.RemoteIpAddress?.ToString(),
                sp.GetRequiredService<IOptions<ForwardedIdentityOptions>>().Value, sp.GetRequiredService<TimeProvider>().GetUtcNow());
        });
        return services;
    }
}
