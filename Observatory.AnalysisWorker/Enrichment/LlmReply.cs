using Observatory.Analysis.Security;
using System.Text;
using System.Text.Json;

namespace Observatory.AnalysisWorker.Enrichment;

/// <summary>
/// The model's reply, validated strictly: a JSON object with an <c>insights</c> array of strings (blank, over-long and
/// non-string items dropped, at most <see cref="LlmPrompt.MaxInsights"/>), an optional one-sentence <c>summary</c> and
/// an optional <c>certainty</c> number in 0..1. Everything else is ignored. Texts are whitespace-normalized, cleared of
/// block markers and redacted.
/// </summary>
internal sealed record LlmReply(IReadOnlyList<string> Insights, string? Summary, double? Certainty, int Redactions)
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 8, AllowTrailingCommas = false };

    /// <exception cref="LlmUnavailableException">The content is not such an object.</exception>
    public static LlmReply Parse(string? content, string boundary)
    {
        var json = StripCodeFence(content);
        if (json.Length == 0) throw new LlmUnavailableException("unusable output: empty reply");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ParseOptions);
        }
        catch (JsonException e)
        {
            throw new LlmUnavailableException("unusable output: not valid JSON", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new LlmUnavailableException("unusable output: not a JSON object");
            if (!root.TryGetProperty("insights", out var insightsElement) || insightsElement.ValueKind != JsonValueKind.Array)
                throw new LlmUnavailableException("unusable output: no insights array");

            var redactions = 0;
            var insights = new List<string>();
            foreach (var item in insightsElement.EnumerateArray())
            {
                if (insights.Count == LlmPrompt.MaxInsights) break;
                if (item.ValueKind != JsonValueKind.String) continue;
                var text = Clean(item.GetString(), boundary, ref redactions);
                if (text is null || insights.Contains(text, StringComparer.OrdinalIgnoreCase)) continue;
                insights.Add(text);
            }

            string? summary = null;
            if (root.TryGetProperty("summary", out var summaryElement) && summaryElement.ValueKind == JsonValueKind.String)
                summary = Clean(summaryElement.GetString(), boundary, ref redactions);

            double? certainty = null;
            if (root.TryGetProperty("certainty", out var certaintyElement) && certaintyElement.ValueKind == JsonValueKind.Number
                && certaintyElement.TryGetDouble(out var value) && double.IsFinite(value) && value is >= 0 and <= 1)
                certainty = Math.Round(value, 3, MidpointRounding.AwayFromZero);

            return new LlmReply(insights, summary, certainty, redactions);
        }
    }

    /// <summary>One line of plain text, or null when blank or longer than <see cref="LlmPrompt.MaxInsightChars"/>.</summary>
    private static string? Clean(string? text, string boundary, ref int redactions)
    {
        if (text is null) return null;
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in LlmPrompt.Sanitize(text, boundary))
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        if (builder.Length == 0 || builder.Length > LlmPrompt.MaxInsightChars) return null;
        var redacted = TextRedaction.Redact(builder.ToString(), out var count);
        redactions += count;
        return redacted;
    }

    /// <summary>Some models wrap JSON in a Markdown code fence even in JSON mode.</summary>
    private static string StripCodeFence(string? content)
    {
        var text = content?.Trim() ?? string.Empty;
        if (!text.StartsWith("```", StringComparison.Ordinal)) return text;
        var firstLine = text.IndexOf('\n');
        if (firstLine < 0) return string.Empty;
        text = text[(firstLine + 1)..].TrimEnd();
        if (text.EndsWith("```", StringComparison.Ordinal)) text = text[..^3];
        return text.Trim();
    }
}
