using System.Collections.Frozen;
using System.Text.Json;
using Observatory.Analysis;

namespace Observatory.ApiService.Examples;

/// <summary>One bundled example as listed in <c>examples/manifest.json</c>.</summary>
public sealed record ExampleEntry(
    string Name, string Title, string Category, string Description, IReadOnlyList<string> Tags,
    IReadOnlyList<string> ExpectedPatterns, Conversation Conversation);

/// <summary>Loads the curated examples shipped beside the service (copied from the repository's <c>examples/</c>)
/// once at start-up. Each file holds <c>{"messages": [...]}</c> or <c>{"transcript": "..."}</c>.</summary>
public sealed class ExampleCatalog : IExampleCatalog
{
    private readonly FrozenDictionary<string, ExampleEntry> _byName;

    public ExampleCatalog(string directory)
    {
        Entries = Load(directory);
        _byName = Entries.ToFrozenDictionary(e => e.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<ExampleEntry> Entries { get; }

    public ExampleEntry? Get(string name) => _byName.GetValueOrDefault(name);

    public Conversation? Find(string name) => Get(name)?.Conversation;

    private static List<ExampleEntry> Load(string directory)
    {
        var manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath)) return [];
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
        var entries = new List<ExampleEntry>();
        foreach (var item in manifest.RootElement.GetProperty("examples").EnumerateArray())
        {
            var file = Path.Combine(directory, item.GetProperty("file").GetString()!);
            using var body = JsonDocument.Parse(File.ReadAllBytes(file));
            var conversation = body.RootElement.TryGetProperty("transcript", out var transcript)
                ? TranscriptParser.Parse(transcript.GetString()!)
                : ConversationNormalizer.FromMessages(body.RootElement.GetProperty("messages").EnumerateArray().Select(ReadMessage).ToList());
            entries.Add(new ExampleEntry(
                item.GetProperty("name").GetString()!, item.GetProperty("title").GetString()!, item.GetProperty("category").GetString()!,
                item.GetProperty("description").GetString()!, Strings(item, "tags"), Strings(item, "expected_patterns"), conversation));
        }
        return entries;
    }

    private static RawMessage ReadMessage(JsonElement m) => new(
        m.TryGetProperty("speaker", out var s) ? s.GetString() : null,
        m.TryGetProperty("role", out var r) ? r.GetString() : null,
        m.GetProperty("content").GetString(),
        m.TryGetProperty("timestamp", out var t) && t.ValueKind == JsonValueKind.String ? t.GetDateTimeOffset() : null);

    private static string[] Strings(JsonElement item, string name) =>
        item.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
}
