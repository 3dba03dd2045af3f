using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Observatory.Analysis.Json;

namespace Observatory.Analysis;

/// <summary>
/// The one JSON representation of <see cref="AnalysisResult"/> (CONTRACT §3): snake_case, compact, nulls written,
/// enums as lower-case strings, speaker maps in first-appearance order. Equal results give byte-identical JSON.
/// </summary>
public static class AnalysisResultJson
{
    /// <summary>
    /// Options behind <see cref="TypeInfo"/>. Non-ASCII text (names, excerpts) is written as is rather than as
    /// \uXXXX escapes; HTML-significant characters are still escaped so the JSON can be embedded safely.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>For hosts that embed a result in their own JSON (e.g. the analysis resource) or stream it.</summary>
    public static JsonTypeInfo<AnalysisResult> TypeInfo { get; } =
        (JsonTypeInfo<AnalysisResult>)Options.GetTypeInfo(typeof(AnalysisResult));

    public static string Serialize(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonSerializer.Serialize(result, TypeInfo);
    }

    public static byte[] SerializeToUtf8Bytes(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonSerializer.SerializeToUtf8Bytes(result, TypeInfo);
    }

    /// <exception cref="JsonException">The text is not a valid result.</exception>
    public static AnalysisResult Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, TypeInfo) ?? throw new JsonException("A result cannot be null.");
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(AnalysisJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        options.MakeReadOnly();
        return options;
    }
}
