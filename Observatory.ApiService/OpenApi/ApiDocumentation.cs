namespace Observatory.ApiService.OpenApi;

/// <summary><c>/openapi/v1.json</c> and the interactive docs at <c>/docs</c> (CONTRACT §8).</summary>
public static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Observatory API";
            document.Info.Version = "v1";
            document.Info.Description =
                "Conversation analysis: submit transcripts, follow their progress, read question/answer structure, sentiment, " +
                "topics, dynamics, repetition, themes, key moments and insights. Every error is an RFC 9457 problem " +
                "(application/problem+json); validation problems carry an `errors` object keyed by JSON path.";
            return Task.CompletedTask;
        }));

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "docs";
            options.DocumentTitle = "Observatory API";
            options.SwaggerEndpoint("/openapi/v1.json", "Observatory v1");
        });
        return app;
    }
}
