using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Observatory.Analysis;

namespace Observatory.Tests.Analysis.Evaluation;

/// <summary>
/// One labelled conversation of the evaluation set: a file in <c>Conversations/NN-short-name.json</c>.
/// </summary>
/// <remarks>
/// File format (strict: unknown fields are an error, so a misspelt field cannot be silently ignored):
/// <code>
/// {
///   "name": "short title",
///   "description": "what the conversation is and why it is in the set",
///   "conversation": { "messages": [ { "speaker", "role"?, "content", "timestamp"? } ] }
///               or { "transcript": "…" }  (a string, or an array of lines joined with "\n"),
///   "expect": { "&lt;key&gt;": &lt;spec&gt;, … },   // vocabulary: ExpectationChecker
///   "why":    { "&lt;key&gt;": "the evidence in the text", … }   // one reason per expectation, no more, no less
/// }
/// </code>
/// A message's <c>content</c> is a string or an array of text parts (joined like CONTRACT §2 content parts, see
/// <see cref="MessageContent.JoinParts"/>); <c>timestamp</c> is ISO 8601. The conversation is normalized with the
/// public API exactly as the service does (<see cref="ConversationNormalizer.FromMessages"/> /
/// <see cref="TranscriptParser.Parse"/>), so indices in expectations are indices after normalization (messages
/// without text are dropped). Long conversations were generated once from a few written turns with small
/// deterministic variations and are written out in full, so what the file shows is exactly what is analyzed.
/// </remarks>
internal sealed record EvaluationCase(string FileName, string Name, string Description, JsonObject Conversation, JsonObject Expect, JsonObject Why)
{
    private static readonly string[] TopLevelFields = ["name", "description", "conversation", "expect", "why"];
    private static readonly string[] MessageFields = ["speaker", "role", "content", "timestamp"];

    /// <summary>Builds the normalized conversation afresh (each call parses again, as a new request would).</summary>
    public Conversation Normalize()
    {
        if (Conversation.Count != 1)
        {
            throw new InvalidDataException($"{FileName}: 'conversation' must hold exactly one of 'messages' or 'transcript'.");
        }

        if (Conversation["transcript"] is { } transcript)
        {
            string text = transcript switch
            {
                JsonArray lines => string.Join('\n', lines.Select(line => line!.GetValue<string>())),
                _ => transcript.GetValue<string>(),
            };
            return TranscriptParser.Parse(text);
        }

        if (Conversation["messages"] is not JsonArray messages)
        {
            throw new InvalidDataException($"{FileName}: 'conversation' must hold 'messages' (an array) or 'transcript'.");
        }

        var raw = new List<RawMessage>(messages.Count);
        foreach (JsonNode? node in messages)
        {
            if (node is not JsonObject message)
            {
                throw new InvalidDataException($"{FileName}: every message must be an object.");
            }

            RequireOnly(message, MessageFields, $"{FileName}: message {raw.Count}");
            string? content = message["content"] switch
            {
                null => null,
                JsonArray parts => MessageContent.JoinParts(parts.Select(part => part?.GetValue<string>())),
                JsonNode text => text.GetValue<string>(),
            };
            DateTimeOffset? timestamp = message["timestamp"] is { } time
                ? DateTimeOffset.Parse(time.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                : null;
            raw.Add(new RawMessage(message["speaker"]?.GetValue<string>(), message["role"]?.GetValue<string>(), content, timestamp));
        }

        return ConversationNormalizer.FromMessages(raw);
    }

    public static EvaluationCase Load(string path)
    {
        string fileName = Path.GetFileName(path);
        JsonNode? root = JsonNode.Parse(File.ReadAllText(path));
        if (root is not JsonObject file)
        {
            throw new InvalidDataException($"{fileName}: the file must hold one JSON object.");
        }

        RequireOnly(file, TopLevelFields, fileName);
        string name = file["name"]?.GetValue<string>() ?? throw new InvalidDataException($"{fileName}: 'name' is required.");
        string description = file["description"]?.GetValue<string>() ?? throw new InvalidDataException($"{fileName}: 'description' is required.");
        JsonObject conversation = file["conversation"] as JsonObject ?? throw new InvalidDataException($"{fileName}: 'conversation' is required.");
        JsonObject expect = file["expect"] as JsonObject ?? throw new InvalidDataException($"{fileName}: 'expect' is required.");
        JsonObject why = file["why"] as JsonObject ?? throw new InvalidDataException($"{fileName}: 'why' is required.");

        // Every expectation must say what in the text justifies it; a reason without an expectation is a typo.
        string[] unjustified = expect.Select(entry => entry.Key).Where(key => why[key]?.GetValue<string>() is not { Length: > 0 }).ToArray();
        string[] orphans = why.Select(entry => entry.Key).Where(key => !expect.ContainsKey(key)).ToArray();
        if (unjustified.Length > 0 || orphans.Length > 0)
        {
            throw new InvalidDataException(
                $"{fileName}: every expectation needs a reason in 'why' and vice versa. Without a reason: [{string.Join(", ", unjustified)}]; reasons without an expectation: [{string.Join(", ", orphans)}].");
        }

        return new EvaluationCase(fileName, name, description, conversation, expect, why);
    }

    private static void RequireOnly(JsonObject node, string[] allowed, string where)
    {
        string[] unknown = node.Select(entry => entry.Key).Where(key => !allowed.Contains(key, StringComparer.Ordinal)).ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidDataException($"{where}: unknown field(s) [{string.Join(", ", unknown)}]; allowed: [{string.Join(", ", allowed)}].");
        }
    }
}
