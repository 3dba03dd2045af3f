using Observatory.ApiService.Examples;
using Observatory.Data.Analyses;
using System.Globalization;
using System.Text.Json;
using Observatory.Analysis;
using Observatory.ApiService.Problems;

namespace Observatory.ApiService.Analyses.Submission;

/// <summary>Turns one conversation object of a request (CONTRACT §2: <c>messages</c>, <c>transcript</c> or
/// <c>example</c>, plus <c>title</c>, <c>metadata</c>, <c>options</c>) into a normalized submission, reporting
/// every problem at its JSON path. Walks the parsed document by hand so the paths are exact.</summary>
public sealed class ConversationRequestReader(ApiLimits limits, IExampleCatalog examples)
{
    public ConversationSubmission? Read(JsonElement conversation, string prefix, ValidationErrors errors, AnalysisRequestOptions? inheritedOptions = null)
    {
        var before = errors.Count;
        var forms = 0;
        Conversation? parsed = null;

        if (conversation.TryGetProperty("messages", out var messages) && messages.ValueKind != JsonValueKind.Null)
        {
            forms++;
            parsed = ReadMessages(messages, Path(prefix, "messages"), errors);
        }
        if (conversation.TryGetProperty("transcript", out var transcript) && transcript.ValueKind != JsonValueKind.Null)
        {
            forms++;
            parsed = ReadTranscript(transcript, Path(prefix, "transcript"), errors);
        }
        if (conversation.TryGetProperty("example", out var example) && example.ValueKind != JsonValueKind.Null)
        {
            forms++;
            parsed = ReadExample(example, Path(prefix, "example"), errors);
        }
        if (forms == 0)
            errors.Add(prefix.Length == 0 ? "messages" : prefix, "Give the conversation as one of: messages, transcript or example.");
        else if (forms > 1)
            errors.Add(prefix.Length == 0 ? "$" : prefix, "Give exactly one of messages, transcript or example, not several.");

        var title = ReadTitle(conversation, prefix, errors);
        var metadata = ReadMetadata(conversation, prefix, errors);
        var options = conversation.TryGetProperty("options", out var optionsElement) && optionsElement.ValueKind != JsonValueKind.Null
            ? ReadOptions(optionsElement, Path(prefix, "options"), errors)
            : inheritedOptions ?? AnalysisRequestOptions.Default;

        if (errors.Count > before || parsed is null || forms != 1 || options is null) return null;
        return new ConversationSubmission(parsed, title, metadata, options);
    }

    private Conversation? ReadMessages(JsonElement messages, string path, ValidationErrors errors)
    {
        if (messages.ValueKind != JsonValueKind.Array) { errors.Add(path, "messages must be an array of message objects."); return null; }
        var count = messages.GetArrayLength();
        if (count == 0) { errors.Add(path, "The conversation is empty: give at least one message."); return null; }
        if (count > limits.MaxMessages) { errors.Add(path, $"At most {limits.MaxMessages} messages per conversation (got {count})."); return null; }

        var raw = new List<RawMessage>(count);
        var before = errors.Count;
        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            var at = $"{path}[{index++}]";
            if (message.ValueKind != JsonValueKind.Object) { errors.Add(at, "Each message must be an object."); continue; }
            var speaker = OptionalString(message, "speaker", at, errors) ?? OptionalString(message, "name", at, errors);
            var role = OptionalString(message, "role", at, errors);
            if (string.IsNullOrWhiteSpace(speaker) && string.IsNullOrWhiteSpace(role))
                errors.Add($"{at}.speaker", "A message needs a speaker or a role.");
            var content = ReadContent(message, $"{at}.content", errors);
            var timestamp = ReadTimestamp(message, $"{at}.timestamp", errors);
            raw.Add(new RawMessage(speaker, role, content, timestamp));
        }
        if (errors.Count > before) return null;

        var conversation = ConversationNormalizer.FromMessages(raw);
        if (conversation.Messages.Count == 0) { errors.Add(path, "No message has any text: give at least one message with content."); return null; }
        return conversation;
    }

    private static string? ReadContent(JsonElement message, string path, ValidationErrors errors)
    {
        if (!message.TryGetProperty("content", out var content) || content.ValueKind == JsonValueKind.Null) return null;
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                var text = content.GetString()!;
                if (text.Contains('\0')) { errors.Add(path, "Content contains a NUL character."); return null; }
                return text;
            case JsonValueKind.Array:
                // OpenAI content parts: keep the text parts, skip others (images, audio) that have no text to analyse.
                var parts = new List<string>();
                var i = 0;
                foreach (var part in content.EnumerateArray())
                {
                    var partPath = $"{path}[{i++}]";
                    if (part.ValueKind == JsonValueKind.String) { parts.Add(part.GetString()!); continue; }
                    if (part.ValueKind != JsonValueKind.Object) { errors.Add(partPath, "A content part must be an object like {\"type\":\"text\",\"text\":\"…\"}."); continue; }
                    var type = part.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                    if (type is not (null or "text" or "input_text" or "output_text")) continue;
                    if (!part.TryGetProperty("text", out var partText) || partText.ValueKind != JsonValueKind.String)
                    {
                        errors.Add($"{partPath}.text", "A text part needs a string text.");
                        continue;
                    }
                    parts.Add(partText.GetString()!);
                }
                var joined = string.Join("\n", parts);
                if (joined.Contains('\0')) { errors.Add(path, "Content contains a NUL character."); return null; }
                return joined;
            default:
                errors.Add(path, "Content must be a string or an array of text parts.");
                return null;
        }
    }

    private static DateTimeOffset? ReadTimestamp(JsonElement message, string path, ValidationErrors errors)
    {
        if (!message.TryGetProperty("timestamp", out var timestamp) || timestamp.ValueKind == JsonValueKind.Null) return null;
        if (timestamp.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(timestamp.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return parsed;
        errors.Add(path, "Timestamp must be an RFC 3339 date-time string, e.g. 2025-05-01T10:00:00Z.");
        return null;
    }

    private Conversation? ReadTranscript(JsonElement transcript, string path, ValidationErrors errors)
    {
        if (transcript.ValueKind != JsonValueKind.String) { errors.Add(path, "transcript must be a string."); return null; }
        var text = transcript.GetString()!;
        if (text.Contains('\0')) { errors.Add(path, "The transcript contains a NUL character."); return null; }
        if (string.IsNullOrWhiteSpace(text)) { errors.Add(path, "The transcript is empty."); return null; }
        var conversation = TranscriptParser.Parse(text);
        if (conversation.Messages.Count == 0) { errors.Add(path, "The transcript has no message with text."); return null; }
        if (conversation.Messages.Count > limits.MaxMessages)
        {
            errors.Add(path, $"At most {limits.MaxMessages} messages per conversation (the transcript has {conversation.Messages.Count}).");
            return null;
        }
        return conversation;
    }

    private Conversation? ReadExample(JsonElement example, string path, ValidationErrors errors)
    {
        if (example.ValueKind != JsonValueKind.String) { errors.Add(path, "example must be the name of a bundled example."); return null; }
        var name = example.GetString()!;
        if (examples.Find(name) is { } conversation) return conversation;
        errors.Add(path, $"Unknown example '{name}'. GET /examples lists them.");
        return null;
    }

    private string? ReadTitle(JsonElement conversation, string prefix, ValidationErrors errors)
    {
        var path = Path(prefix, "title");
        var title = OptionalString(conversation, "title", prefix, errors);
        if (title is null) return null;
        if (title.Contains('\0')) { errors.Add(path, "The title contains a NUL character."); return null; }
        if (title.Length > limits.MaxTitleLength) { errors.Add(path, $"The title may be at most {limits.MaxTitleLength} characters."); return null; }
        return title.Trim();
    }

    private Dictionary<string, string> ReadMetadata(JsonElement conversation, string prefix, ValidationErrors errors)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!conversation.TryGetProperty("metadata", out var element) || element.ValueKind == JsonValueKind.Null) return metadata;
        var path = Path(prefix, "metadata");
        if (element.ValueKind != JsonValueKind.Object) { errors.Add(path, "metadata must be an object of string values."); return metadata; }
        foreach (var property in element.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            if (property.Value.ValueKind != JsonValueKind.String) { errors.Add(at, "Metadata values must be strings."); continue; }
            var value = property.Value.GetString()!;
            if (property.Name.Length is 0 or > 100) { errors.Add(at, "Metadata keys must be 1–100 characters."); continue; }
            if (value.Length > 2000) { errors.Add(at, "Metadata values may be at most 2000 characters."); continue; }
            if (value.Contains('\0') || property.Name.Contains('\0')) { errors.Add(at, "Metadata contains a NUL character."); continue; }
            metadata[property.Name] = value;
        }
        if (metadata.Count > limits.MaxMetadataPairs) errors.Add(path, $"At most {limits.MaxMetadataPairs} metadata pairs (got {metadata.Count}).");
        return metadata;
    }

    public static AnalysisRequestOptions? ReadOptions(JsonElement options, string path, ValidationErrors errors)
    {
        if (options.ValueKind != JsonValueKind.Object) { errors.Add(path, "options must be an object."); return null; }
        var before = errors.Count;
        var patterns = AnalysisRequestOptions.AllPatterns;
        if (options.TryGetProperty("patterns", out var patternsElement) && patternsElement.ValueKind != JsonValueKind.Null)
            patterns = ReadPatterns(patternsElement, $"{path}.patterns", errors);

        var llm = LlmModes.Auto;
        if (options.TryGetProperty("llm", out var llmElement) && llmElement.ValueKind != JsonValueKind.Null)
        {
            llm = llmElement.ValueKind == JsonValueKind.String ? llmElement.GetString()! : "";
            if (llm is not (LlmModes.Auto or LlmModes.Off or LlmModes.Required))
                errors.Add($"{path}.llm", "llm must be one of auto, off, required.");
        }

        Uri? callback = null;
        if (options.TryGetProperty("callback_url", out var callbackElement) && callbackElement.ValueKind != JsonValueKind.Null)
            callback = ReadCallbackUrl(callbackElement, $"{path}.callback_url", errors);

        return errors.Count > before ? null : new AnalysisRequestOptions(patterns, llm, callback);
    }

    public static Uri? ReadCallbackUrl(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind == JsonValueKind.String
            && Uri.TryCreate(element.GetString(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.UserInfo))
            return uri;
        errors.Add(path, "callback_url must be an absolute https:// URL without credentials.");
        return null;
    }

    private static IReadOnlyList<PatternFamily> ReadPatterns(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Array) { errors.Add(path, "patterns must be an array of pattern names."); return []; }
        var patterns = new List<PatternFamily>();
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            var name = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            PatternFamily? family = name switch
            {
                "dialectic" => PatternFamily.Dialectic,
                "sentiment" => PatternFamily.Sentiment,
                "topics" => PatternFamily.Topics,
                "dynamics" => PatternFamily.Dynamics,
                "recursive" => PatternFamily.Recursive,
                _ => null,
            };
            if (family is null) errors.Add($"{path}[{i}]", "Unknown pattern; use dialectic, sentiment, topics, dynamics or recursive.");
            else if (!patterns.Contains(family.Value)) patterns.Add(family.Value);
            i++;
        }
        if (i == 0) errors.Add(path, "Name at least one pattern, or leave patterns out for all of them.");
        patterns.Sort();
        return patterns;
    }

    private static string? OptionalString(JsonElement parent, string name, string parentPath, ValidationErrors errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        errors.Add(Path(parentPath, name), $"{name} must be a string.");
        return null;
    }

    private static string Path(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
}
