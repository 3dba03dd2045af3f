using System.Net;
using System.Text.Json.Nodes;
using Observatory.ApiService.Examples;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.ApiService.Examples;

// With a worker, so an analysis of an example can run to the end.
public sealed class ExamplesStack() : InProcessStackFixture("examples", withWorker: true);

/// <summary>CONTRACT §8: <c>GET /examples</c>, <c>GET /examples/{name}</c>, and <c>{"example": name}</c> analyses.</summary>
public sealed class ExamplesApiTests(ExamplesStack fixture) : IClassFixture<ExamplesStack>
{
    private readonly HttpClient _client = fixture.Client;

    /// <summary>The catalog the service loaded (the examples shipped in its output), to compare the API with.</summary>
    private IExampleCatalog Catalog => (IExampleCatalog)fixture.Stack.Api.Services.GetService(typeof(IExampleCatalog))!;

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var entry in new ExampleCatalog(Path.Combine(RepositoryPaths.Root, "examples")).Entries) data.Add(entry.Name);
        return data;
    }

    [Fact]
    public async Task The_list_shows_every_example_with_its_fields_and_the_sorted_categories()
    {
        var (status, body, _) = await _client.GetJsonAsync("/examples");

        Assert.Equal(HttpStatusCode.OK, status);
        var examples = body!["examples"]!.AsArray();
        Assert.Equal(Catalog.Entries.Select(e => e.Name), examples.Select(e => e!["name"]!.GetValue<string>()));
        Assert.True(examples.Count >= 10);
        foreach (var (item, entry) in examples.Zip(Catalog.Entries))
        {
            Assert.Equal(entry.Title, item!["title"]!.GetValue<string>());
            Assert.Equal(entry.Category, item["category"]!.GetValue<string>());
            Assert.Equal(entry.Description, item["description"]!.GetValue<string>());
            Assert.Equal(entry.Tags, item["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
            Assert.Equal(entry.ExpectedPatterns, item["expected_patterns"]!.AsArray().Select(t => t!.GetValue<string>()));
            Assert.Equal(entry.Conversation.Messages.Count, item["messages"]!.GetValue<int>());
            Assert.False(item.AsObject().ContainsKey("conversation"));
        }

        var categories = body["categories"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Equal(Catalog.Entries.Select(e => e.Category).Distinct().Order(StringComparer.Ordinal), categories);
        Assert.Contains(examples, e => e!["messages"]!.GetValue<int>() >= 500);
    }

    [Fact]
    public async Task Filtering_by_category_ignores_case_and_keeps_every_category_listed()
    {
        var (status, body, _) = await _client.GetJsonAsync("/examples?category=SUPPORT");

        Assert.Equal(HttpStatusCode.OK, status);
        var names = body!["examples"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(Catalog.Entries.Where(e => e.Category == "support").Select(e => e.Name), names);
        Assert.True(names.Count >= 2);
        Assert.Equal(Catalog.Entries.Select(e => e.Category).Distinct().Count(), body["categories"]!.AsArray().Count);
    }

    [Fact]
    public async Task Filtering_by_tag_ignores_case()
    {
        var (status, body, _) = await _client.GetJsonAsync("/examples?tag=Human-Human");

        Assert.Equal(HttpStatusCode.OK, status);
        var names = body!["examples"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(Catalog.Entries.Where(e => e.Tags.Contains("human-human")).Select(e => e.Name), names);
        Assert.Contains("team-meeting-release-rota-offsite", names);
        Assert.DoesNotContain("assistant-stuck-in-a-loop", names);
    }

    [Fact]
    public async Task Category_and_tag_filters_combine_and_an_unmatched_filter_is_an_empty_list()
    {
        var (_, both, _) = await _client.GetJsonAsync("/examples?category=safety&tag=pii");
        var (status, none, _) = await _client.GetJsonAsync("/examples?category=cooking");

        Assert.Equal(["pii-account-recovery"], both!["examples"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(none!["examples"]!.AsArray());
        Assert.NotEmpty(none["categories"]!.AsArray());
    }

    [Fact]
    public async Task One_example_comes_with_its_normalized_conversation()
    {
        var (status, body, _) = await _client.GetJsonAsync("/examples/team-meeting-release-rota-offsite");

        Assert.Equal(HttpStatusCode.OK, status);
        var entry = Catalog.Get("team-meeting-release-rota-offsite")!;
        Assert.Equal(entry.Title, body!["title"]!.GetValue<string>());
        Assert.Equal("meeting", body["category"]!.GetValue<string>());
        Assert.Equal(entry.ExpectedPatterns, body["expected_patterns"]!.AsArray().Select(p => p!.GetValue<string>()));
        var messages = body["conversation"]!["messages"]!.AsArray();
        Assert.Equal(body["messages"]!.GetValue<int>(), messages.Count);
        Assert.Equal(entry.Conversation.Messages.Count, messages.Count);

        var first = messages[0]!;
        Assert.Equal(0, first["index"]!.GetValue<int>());
        Assert.Equal("Hannah", first["speaker"]!.GetValue<string>());
        Assert.Equal("participant", first["role"]!.GetValue<string>());
        Assert.StartsWith("Morning all.", first["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2025-04-07T09:30:00.000Z", first["timestamp"]!.GetValue<string>());
    }

    [Fact]
    public async Task Roles_are_inferred_and_missing_timestamps_are_null()
    {
        var (_, body, _) = await _client.GetJsonAsync("/examples/prompt-injection-homework-helper");

        var messages = body!["conversation"]!["messages"]!.AsArray();
        Assert.Equal(["system", "human", "ai"], messages.Take(3).Select(m => m!["role"]!.GetValue<string>()));
        Assert.Equal(["system", "user", "assistant"], messages.Take(3).Select(m => m!["speaker"]!.GetValue<string>()));
        Assert.All(messages, m => Assert.Null(m!["timestamp"]));
    }

    [Fact]
    public async Task A_transcript_example_is_served_as_parsed_messages()
    {
        var (_, body, _) = await _client.GetJsonAsync("/examples/research-interview-icu-handover");

        var messages = body!["conversation"]!["messages"]!.AsArray();
        Assert.Equal(["Interviewer", "Nurse"], messages.Select(m => m!["speaker"]!.GetValue<string>()).Distinct());
        Assert.Equal("2025-02-14T14:00:05.000Z", messages[0]!["timestamp"]!.GetValue<string>());
        Assert.Equal("2025-02-14T14:00:31.000Z", messages[1]!["timestamp"]!.GetValue<string>());
        Assert.DoesNotContain("Interviewer:", messages[0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_example_is_a_404_problem()
    {
        var (status, problem, response) = await _client.GetJsonAsync("/examples/no-such-example");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, problem!["status"]!.GetValue<int>());
        Assert.NotNull(problem["title"]);
        Assert.NotNull(problem["detail"]);
    }

    [Fact]
    public async Task The_examples_endpoints_are_in_the_openapi_document()
    {
        var (status, document, _) = await _client.GetJsonAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, status);
        var paths = document!["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/examples"), string.Join(", ", paths.Select(p => p.Key)));
        Assert.True(paths.ContainsKey("/examples/{name}"));
        Assert.Equal("ListExamples", paths["/examples"]!["get"]!["operationId"]!.GetValue<string>());
        Assert.True(paths["/examples/{name}"]!["get"]!["responses"]!.AsObject().ContainsKey("404"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Analysing_an_example_by_name_detects_its_expected_patterns(string name)
    {
        var (status, accepted, _) = await _client.PostJsonAsync("/api/v1/analyze", $$$"""{"example":"{{{name}}}","options":{"llm":"off"}}""");

        Assert.Equal(HttpStatusCode.Accepted, status);
        var done = await _client.WaitForTerminalAsync(accepted!["id"]!.GetValue<string>(), TimeSpan.FromSeconds(60));
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        var result = done["result"]!;
        var entry = Catalog.Get(name)!;
        Assert.Equal(entry.Conversation.Messages.Count, result["conversation"]!["messages"]!.GetValue<int>());
        var detected = result["detected_patterns"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.All(entry.ExpectedPatterns, pattern => Assert.Contains(pattern, detected));
    }
}
