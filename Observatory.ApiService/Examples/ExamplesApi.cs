using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Observatory.ApiService.Examples;

/// <summary>CONTRACT §8: the curated example conversations, to browse and to open before analysing one with
/// <c>{"example": "name"}</c>.</summary>
public static class ExamplesApi
{
    public static IEndpointRouteBuilder MapExamplesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/examples").WithTags("Examples");

        group.MapGet("/", List).WithName("ListExamples")
            .WithSummary("List the curated example conversations")
            .WithDescription("Filter with category and tag (both case-insensitive). categories lists every category, whatever the filter.");
        group.MapGet("/{name}", Get).WithName("GetExample")
            .WithSummary("Read one example with its normalized conversation")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    internal static Ok<ExampleList> List([FromQuery] string? category, [FromQuery] string? tag, IExampleCatalog catalog)
    {
        var matching = catalog.Entries
            .Where(e => string.IsNullOrWhiteSpace(category) || string.Equals(e.Category, category.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(e => string.IsNullOrWhiteSpace(tag) || e.Tags.Contains(tag.Trim(), StringComparer.OrdinalIgnoreCase))
            .Select(ExampleResources.ToSummary)
            .ToList();
        var categories = catalog.Entries.Select(e => e.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new ExampleList(matching, categories));
    }

    internal static Results<Ok<ExampleDetail>, ProblemHttpResult> Get(string name, IExampleCatalog catalog) =>
        catalog.Get(name) is { } entry
            ? TypedResults.Ok(ExampleResources.ToDetail(entry))
            : Problems.Problems.NotFound("example");
}
