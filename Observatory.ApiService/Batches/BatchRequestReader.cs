using System.Globalization;
using System.Text.Json;
using Observatory.ApiService.Analyses.Submission;
using Observatory.ApiService.Problems;
using Observatory.Contracts.Batches;
using Observatory.Data.Analyses;

namespace Observatory.ApiService.Batches;

/// <summary>Validates a batch body (CONTRACT §4) and every conversation in it, reporting each problem at its path
/// (<c>conversations[17].messages[3].content</c>). One invalid conversation rejects the whole batch: nothing of it
/// is stored.</summary>
public sealed class BatchRequestReader(ApiLimits limits, ConversationRequestReader conversations)
{
    private const int MaxRefLength = 200;

    public BatchSubmission? Read(JsonElement root, ValidationErrors errors)
    {
        var options = AnalysisRequestOptions.Default;
        if (root.TryGetProperty("options", out var optionsElement) && optionsElement.ValueKind != JsonValueKind.Null)
            options = ConversationRequestReader.ReadOptions(optionsElement, "options", errors) ?? AnalysisRequestOptions.Default;

        // The batch's callback announces the batch; its items are not announced one by one.
        var callback = options.CallbackUrl;
        if (root.TryGetProperty("callback_url", out var callbackElement) && callbackElement.ValueKind != JsonValueKind.Null)
            callback = ConversationRequestReader.ReadCallbackUrl(callbackElement, "callback_url", errors);
        var itemOptions = options with { CallbackUrl = null };

        short priority = 1;
        if (root.TryGetProperty("priority", out var priorityElement) && priorityElement.ValueKind != JsonValueKind.Null
            && !(priorityElement.ValueKind == JsonValueKind.String && BatchPriorities.TryParse(priorityElement.GetString(), out priority)))
        {
            errors.Add("priority", "priority must be one of low, normal, high.");
        }

        var title = ReadTitle(root, errors);
        var items = ReadConversations(root, itemOptions, errors);
        return errors.Any || items is null ? null : new BatchSubmission(items, options, priority, callback, title);
    }

    private List<BatchSubmissionItem>? ReadConversations(JsonElement root, AnalysisRequestOptions itemOptions, ValidationErrors errors)
    {
        if (!root.TryGetProperty("conversations", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            errors.Add("conversations", "conversations must be an array of conversation objects.");
            return null;
        }
        var count = array.GetArrayLength();
        if (count == 0) { errors.Add("conversations", "The batch is empty: give at least one conversation."); return null; }
        if (count > limits.MaxBatchConversations)
        {
            errors.Add("conversations", $"At most {limits.MaxBatchConversations} conversations per batch (got {count}).");
            return null;
        }

        var items = new List<BatchSubmissionItem>(count);
        var refs = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"conversations[{index}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, "Each conversation must be an object.");
            }
            else
            {
                var reference = ReadRef(element, index, path, errors);
                if (element.TryGetProperty("options", out var own) && own.ValueKind == JsonValueKind.Object
                    && own.TryGetProperty("callback_url", out var ownCallback) && ownCallback.ValueKind != JsonValueKind.Null)
                {
                    errors.Add($"{path}.options.callback_url", "A batch has one callback_url, at the top level; items cannot have their own.");
                }
                var submission = conversations.Read(element, path, errors, itemOptions);
                if (reference is not null && !refs.Add(reference))
                    errors.Add($"{path}.ref", $"ref '{reference}' is used by an earlier conversation; refs must be unique within a batch.");
                if (submission is not null && reference is not null) items.Add(new BatchSubmissionItem(reference, submission));
            }
            index++;
        }
        return items;
    }

    private static string? ReadRef(JsonElement element, int index, string path, ValidationErrors errors)
    {
        if (!element.TryGetProperty("ref", out var reference) || reference.ValueKind == JsonValueKind.Null)
            return index.ToString(CultureInfo.InvariantCulture);
        var value = reference.ValueKind switch
        {
            JsonValueKind.String => reference.GetString(),
            JsonValueKind.Number => reference.GetRawText(),
            _ => null,
        };
        if (value is null || value.Length is 0 or > MaxRefLength || value.Contains('\0'))
        {
            errors.Add($"{path}.ref", $"ref must be a string (or number) of 1–{MaxRefLength} characters.");
            return null;
        }
        return value;
    }

    private string? ReadTitle(JsonElement root, ValidationErrors errors)
    {
        if (!root.TryGetProperty("title", out var element) || element.ValueKind == JsonValueKind.Null) return null;
        var title = element.ValueKind == JsonValueKind.String ? element.GetString()! : null;
        if (title is null || title.Contains('\0') || title.Length > limits.MaxTitleLength)
        {
            errors.Add("title", $"title must be a string of at most {limits.MaxTitleLength} characters.");
            return null;
        }
        return title.Trim();
    }
}
