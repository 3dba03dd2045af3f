using System.Text.Json;
using System.Text.Json.Nodes;
using Observatory.Analysis;

namespace Observatory.Data.Analyses;

/// <summary>What the caller asked for in <c>options</c> (CONTRACT §3), as stored with the analysis so the worker
/// runs it exactly as asked.</summary>
public sealed record AnalysisRequestOptions(IReadOnlyList<PatternFamily> Patterns, string Llm, Uri? CallbackUrl)
{
    public static readonly IReadOnlyList<PatternFamily> AllPatterns =
        [PatternFamily.Dialectic, PatternFamily.Sentiment, PatternFamily.Topics, PatternFamily.Dynamics, PatternFamily.Recursive];

    public static readonly AnalysisRequestOptions Default = new(AllPatterns, LlmModes.Auto, null);

    public static string WireName(PatternFamily pattern) => pattern.ToString().ToLowerInvariant();

    public string ToJson()
    {
        var patterns = new JsonArray();
        foreach (var pattern in Patterns) patterns.Add(WireName(pattern));
        return new JsonObject
        {
            ["patterns"] = patterns,
            ["llm"] = Llm,
            ["callback_url"] = CallbackUrl?.AbsoluteUri,
        }.ToJsonString();
    }

    public static AnalysisRequestOptions FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var patterns = new List<PatternFamily>();
        if (root.TryGetProperty("patterns", out var list) && list.ValueKind == JsonValueKind.Array)
            foreach (var item in list.EnumerateArray())
                if (Enum.TryParse<PatternFamily>(item.GetString(), ignoreCase: true, out var family)) patterns.Add(family);
        var llm = root.TryGetProperty("llm", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : LlmModes.Auto;
        var callback = root.TryGetProperty("callback_url", out var c) && c.ValueKind == JsonValueKind.String ? new Uri(c.GetString()!) : null;
        return new AnalysisRequestOptions(patterns.Count > 0 ? patterns : AllPatterns, llm, callback);
    }
}

public static class LlmModes
{
    public const string Auto = "auto";
    public const string Off = "off";
    public const string Required = "required";
}
