using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Observatory.ApiService.Exports;

/// <summary>Adds the CSV and Markdown downloads to an operation's 200 response in the OpenAPI document, next to the
/// JSON resource its <c>Ok&lt;T&gt;</c> already describes (a second <c>.Produces(200, …)</c> would replace that).</summary>
public static class ExportDocumentation
{
    public static TBuilder DocumentsExports<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, context, cancellationToken) =>
        {
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                response.Content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                response.Content["text/markdown"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                response.Description = "The analysis resource (JSON), or its CSV or Markdown export as a download.";
            }
            return Task.CompletedTask;
        });
}
