using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.Net.Http.Headers;

namespace Observatory.Gateway.Ui;

/// <summary>The web UI (CONTRACT §8): static files from <c>wwwroot</c> — <c>index.html</c> at <c>/</c>, its scripts,
/// styles and icon under <c>/ui/</c>. It runs after the gateway pipeline, so the security headers (strict CSP) apply,
/// and its paths are outside the rate-limited ones (<see cref="RateLimiting.RateLimitedPaths"/>). Routes the proxy
/// owns (<c>/api</c>, <c>/examples</c>, <c>/admin</c>, <c>/docs</c>, <c>/openapi</c>) and the health/metrics endpoints are
/// matched first and never reach these files. The UI routes with the URL fragment (<c>#/analysis/{id}</c>), so
/// <c>/</c> is the only page and any other unknown path stays a 404.</summary>
public static class WebUi
{
    /// <summary>The files are not fingerprinted (no build step), so browsers revalidate every time: a 304 thanks to
    /// the ETag when nothing changed, the new file right after a deployment.</summary>
    private const string CacheControl = "no-cache";

    /// <summary>A published gateway has <c>wwwroot</c> next to it. A build output (tests, <c>./observatory up</c>) has
    /// a static web assets manifest pointing at the project's <c>wwwroot</c> instead; Development reads it by itself,
    /// other environments read it here (no manifest, as after publish: nothing to do).</summary>
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
            StaticWebAssetsLoader.UseStaticWebAssets(builder.Environment, builder.Configuration);
        return builder;
    }

    public static WebApplication UseWebUi(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = CacheControl,
        });
        return app;
    }
}
