using System.Text.Json;
using System.Text.RegularExpressions;
using Observatory.Analysis;
using Observatory.ApiService.Analyses.Submission;
using Observatory.ApiService.Examples;
using Observatory.ApiService.Problems;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.Examples;

/// <summary>CONTRACT §8 and issue 5: the curated examples in <c>examples/</c> are what their manifest says they are —
/// every expected pattern is really detected by the engine, and the set covers what a researcher needs to try.</summary>
public sealed partial class CuratedExampleTests
{
    private static readonly string ExamplesDirectory = Path.Combine(RepositoryPaths.Root, "examples");
    private static readonly Lazy<ExampleCatalog> Catalog = new(() => new ExampleCatalog(ExamplesDirectory));
    private static readonly ConversationAnalyzer Analyzer = new();

    /// <summary>Read straight from the manifest, so the theory lists every entry even if loading one of them fails.</summary>
    public static TheoryData<string> ManifestNames()
    {
        var data = new TheoryData<string>();
        foreach (var entry in ReadManifest()) data.Add(entry.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(ManifestNames))]
    public void Every_expected_pattern_is_detected_by_the_engine(string name)
    {
        var example = Catalog.Value.Get(name);
        Assert.NotNull(example);

        var detected = Analyzer.Analyze(example.Conversation, PatternFamilies.All).DetectedPatterns;

        var missing = example.ExpectedPatterns.Except(detected).ToList();
        Assert.True(missing.Count == 0,
            $"{name}: expected [{string.Join(", ", missing)}] but the engine detected only [{string.Join(", ", detected)}]");
    }

    [Theory]
    [MemberData(nameof(ManifestNames))]
    public void Expected_patterns_are_three_to_six_names_from_the_vocabulary(string name)
    {
        var expected = Catalog.Value.Get(name)!.ExpectedPatterns;

        Assert.InRange(expected.Count, 3, 6);
        Assert.Equal(expected.Count, expected.Distinct().Count());
        Assert.All(expected, pattern => Assert.Contains(pattern, PatternKinds.All));
    }

    [Theory]
    [MemberData(nameof(ManifestNames))]
    public void The_file_is_a_valid_analyze_request_and_the_catalog_reads_it_the_same_way(string name)
    {
        var entry = ReadManifest().Single(e => e.GetProperty("name").GetString() == name);
        var file = Path.Combine(ExamplesDirectory, entry.GetProperty("file").GetString()!);
        Assert.True(File.Exists(file), $"{file} is missing");
        using var body = JsonDocument.Parse(File.ReadAllBytes(file));

        // The same reader POST /api/v1/analyze uses, so a client can submit the file as it is.
        var errors = new ValidationErrors();
        var submission = new ConversationRequestReader(new ApiLimits(), Catalog.Value).Read(body.RootElement, "", errors);

        Assert.False(errors.Any, $"{name}: {JsonSerializer.Serialize(errors.ToDictionary())}");
        Assert.NotNull(submission);
        Assert.Equal(submission.Conversation.Messages, Catalog.Value.Find(name)!.Messages);
    }

    [Fact]
    public void The_manifest_lists_at_least_ten_examples_with_unique_kebab_case_names_and_full_descriptions()
    {
        var entries = Catalog.Value.Entries;

        Assert.True(entries.Count >= 10, $"only {entries.Count} examples");
        Assert.Equal(entries.Count, entries.Select(e => e.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(entries, e =>
        {
            Assert.Matches(KebabCase(), e.Name);
            Assert.Matches(KebabCase(), e.Category);
            Assert.False(string.IsNullOrWhiteSpace(e.Title));
            Assert.True(e.Description.Length >= 40, $"{e.Name}: the description should tell a reader what to look for");
            Assert.NotEmpty(e.Tags);
        });
    }

    [Fact]
    public void Every_pattern_family_is_represented_by_some_example()
    {
        // A kind belongs to a family when it shows up with only that family requested and not with none (key moments
        // and security findings show up either way). Derived from the engine rather than a hand-kept table.
        var represented = new HashSet<PatternFamily>();
        foreach (var example in Catalog.Value.Entries)
        {
            var always = Analyzer.Analyze(example.Conversation, PatternFamilies.None).DetectedPatterns;
            foreach (var family in Enum.GetValues<PatternFamily>())
            {
                var withFamily = Analyzer.Analyze(example.Conversation, new HashSet<PatternFamily> { family }).DetectedPatterns;
                if (example.ExpectedPatterns.Any(p => withFamily.Contains(p) && !always.Contains(p))) represented.Add(family);
            }
        }

        Assert.Equal(Enum.GetValues<PatternFamily>().Order(), represented.Order());
    }

    [Fact]
    public void There_is_a_human_to_human_conversation_with_timestamps()
    {
        Assert.Contains(Catalog.Value.Entries, e =>
            e.Conversation.Messages.Select(m => m.Speaker).Distinct().Count() >= 2
            && e.Conversation.Messages.All(m => m.Timestamp is not null && m.Role is SpeakerRole.Human or SpeakerRole.Participant));
    }

    [Fact]
    public void There_is_a_conversation_of_at_least_500_messages_in_a_file_under_one_megabyte()
    {
        var longest = Catalog.Value.Entries.MaxBy(e => e.Conversation.Messages.Count)!;

        Assert.True(longest.Conversation.Messages.Count >= 500, $"the longest example has {longest.Conversation.Messages.Count} messages");
        var file = ReadManifest().Single(e => e.GetProperty("name").GetString() == longest.Name).GetProperty("file").GetString()!;
        Assert.True(new FileInfo(Path.Combine(ExamplesDirectory, file)).Length < 1024 * 1024);
    }

    [Fact]
    public void One_example_carries_personal_data_that_results_redact()
    {
        var example = Assert.Single(Catalog.Value.Entries, e => e.ExpectedPatterns.Contains("pii"));

        var result = Analyzer.Analyze(example.Conversation, PatternFamilies.All);

        Assert.True(result.Security!.PiiRedacted > 0);
        var json = AnalysisResultJson.Serialize(result);
        Assert.DoesNotContain("4111 1111 1111 1111", json);
        Assert.DoesNotContain("@example.com", json);
    }

    [Fact]
    public void One_example_carries_a_prompt_injection_attempt_by_the_user()
    {
        var example = Assert.Single(Catalog.Value.Entries, e => e.ExpectedPatterns.Contains("prompt_injection"));

        var flagged = Analyzer.Analyze(example.Conversation, PatternFamilies.All).Security!.PromptInjection.Indices;

        Assert.NotEmpty(flagged);
        Assert.All(flagged, i => Assert.Equal(SpeakerRole.Human, example.Conversation.Messages[i].Role));
    }

    private static List<JsonElement> ReadManifest()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(ExamplesDirectory, "manifest.json")));
        return manifest.RootElement.GetProperty("examples").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
