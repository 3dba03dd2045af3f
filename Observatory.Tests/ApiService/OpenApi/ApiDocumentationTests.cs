using System.Net;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.ApiService.OpenApi;

/// <summary>/openapi/v1.json describes every public endpoint, with the problems each can answer.</summary>
public sealed class ApiDocumentationTests(ValidationStack fixture) : IClassFixture<ValidationStack>
{
    public static TheoryData<string, string, string[]> Endpoints => new()
    {
        { "/api/v1/analyze", "post", ["202", "400", "413", "415"] },
        { "/api/v1/analyze/{id}", "get", ["200", "404", "410"] },
        { "/api/v1/analyze/batch", "post", ["202", "400", "413", "415"] },
        { "/api/v1/analyze/batch/{id}", "get", ["200", "404"] },
        { "/api/v1/analyze/batch/{id}/cancel", "post", ["200", "404", "409"] },
        { "/api/v1/analyze/batch/{id}/priority", "post", ["200", "404", "409"] },
        { "/api/v1/analyze/batch/{id}/results", "get", ["200", "404"] },
        { "/api/v1/analyze/batch/{id}/events", "get", ["200", "404"] },
        { "/api/v1/webhooks/deliveries", "get", ["200"] },
        { "/api/v1/insights", "get", ["200"] },
        { "/examples", "get", ["200"] },
        { "/examples/{name}", "get", ["200", "404"] },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_endpoint_is_documented_with_its_answers(string path, string method, string[] statuses)
    {
        var (status, document, _) = await fixture.Client.GetJsonAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, status);
        var operation = document!["paths"]?[path]?[method];
        Assert.True(operation is not null, $"{method.ToUpperInvariant()} {path} is not in the OpenAPI document");
        var responses = operation!["responses"]!.AsObject().Select(r => r.Key).ToList();
        Assert.All(statuses, expected => Assert.Contains(expected, responses));
    }
}
