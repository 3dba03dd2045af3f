using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Observatory.ApiService.OpenApi;

/// <summary>Describes a hand-read JSON body in the OpenAPI document. <c>.Accepts&lt;T&gt;()</c> would do it too, but
/// it also makes routing reject other content types with an empty 415 before the endpoint can answer with a
/// problem naming the content type it got.</summary>
public static class JsonRequestBodyDocumentation
{
    public static TBuilder DocumentsJsonBody<TBuilder, TBody>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(TBody), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
}
