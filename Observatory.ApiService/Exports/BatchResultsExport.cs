using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Observatory.Analysis;
using Observatory.Analysis.Aggregation;
using Observatory.Contracts.Analyses;
using Observatory.Data.Analyses;
using Observatory.Data.Retention;

namespace Observatory.ApiService.Exports;

/// <summary>
/// Writers behind <c>GET /api/v1/analyze/batch/{id}/results?format=jsonl|csv</c> (CONTRACT §4). Items are read one
/// at a time from the enumerable and written in chunks, so a batch of 1,000 results is never held in memory.
/// </summary>
public static class BatchResultsExport
{
    public const string JsonLinesContentType = "application/jsonl; charset=utf-8";
    public const string CsvContentType = ExportFormats.CsvContentType;

    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "ref", "analysis_id", "status", "messages", "participants", "dominant_speaker", "sentiment", "sentiment_label",
        "trend", "questions", "answered_ratio", "topic_shifts", "repetition_score", "key_moments", "confidence",
        "confidence_level", "prompt_injection_suspected", "pii_redacted", "detected_patterns", "error_code",
    ];

    private const int ChunkBytes = 64 * 1024;
    private static readonly byte[] RefPrefix = "{\"ref\":"u8.ToArray();

    /// <summary>
    /// One line per item: the analysis resource exactly as <c>GET /api/v1/analyze/{id}</c> returns it, with the item's
    /// batch reference added as its first property: <c>{"ref":"client-7","id":…,"status":…,…,"result":{…}}</c>.
    /// </summary>
    /// <param name="json">The API's serializer options (snake_case, UTC times); indentation is turned off.</param>
    public static async Task WriteJsonLinesAsync(Stream output, IAsyncEnumerable<AnalysisRecord> items, RetentionOptions retention,
        JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(retention);
        ArgumentNullException.ThrowIfNull(json);

        var chunk = new ArrayBufferWriter<byte>(ChunkBytes + 4096);
        var resource = new ArrayBufferWriter<byte>(4096);
        var writerOptions = new JsonWriterOptions { Encoder = json.Encoder };
        await using var resourceWriter = new Utf8JsonWriter(resource, writerOptions);
        await using var refWriter = new Utf8JsonWriter(chunk, writerOptions);
        await foreach (var record in items.WithCancellation(cancellationToken))
        {
            resource.ResetWrittenCount();
            resourceWriter.Reset();
            JsonSerializer.Serialize(resourceWriter, AnalysisResources.ToResource(record, retention), json);
            resourceWriter.Flush();

            // The resource is a JSON object with at least an id: splice the ref in after its opening brace.
            var body = resource.WrittenSpan;
            chunk.Write(RefPrefix);
            WriteRef(refWriter, chunk, RefOf(record));
            chunk.Write(","u8);
            chunk.Write(body[1..]);
            chunk.Write("\n"u8);

            if (chunk.WrittenCount >= ChunkBytes) await WriteChunkAsync(output, chunk, cancellationToken);
        }
        await WriteChunkAsync(output, chunk, cancellationToken);
    }

    /// <summary>One row per item with its headline metrics (<see cref="CsvColumns"/>); empty cells where the item
    /// has no such value (a family not requested, a failed item, a result removed by retention).</summary>
    public static async Task WriteCsvAsync(Stream output, IAsyncEnumerable<AnalysisRecord> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(items);

        var buffer = new ExportTextBuffer(output);
        var row = buffer.Text;
        CsvCells.AppendHeader(row, CsvColumns);
        await foreach (var record in items.WithCancellation(cancellationToken))
        {
            AppendRow(row, record);
            await buffer.WriteIfFullAsync(cancellationToken);
        }
        await buffer.CompleteAsync(cancellationToken);
    }

    private static void AppendRow(System.Text.StringBuilder row, AnalysisRecord record)
    {
        // The full result where retention left it; otherwise the digest, which outlives it.
        var result = record.ResultJson is null ? null : AnalysisResultJson.Deserialize(record.ResultJson);
        var digest = result is null && record.DigestJson is not null ? ConversationDigest.FromJson(record.DigestJson) : null;
        var patterns = result?.Patterns;

        CsvCells.AppendText(row, RefOf(record));
        row.Append(',').Append(record.Id.ToString("D"));
        row.Append(',').Append(record.Status);
        row.Append(',');
        CsvCells.AppendNumber(row, result?.Conversation.Messages ?? digest?.Messages ?? (record.MessageCount > 0 ? record.MessageCount : null));
        row.Append(',');
        CsvCells.AppendNumber(row, result?.Conversation.Participants.Count);
        row.Append(',');
        CsvCells.AppendText(row, patterns?.Dynamics?.DominantSpeaker);
        row.Append(',');
        CsvCells.AppendNumber(row, patterns?.Sentiment?.Overall ?? digest?.Sentiment);
        row.Append(',');
        var label = patterns?.Sentiment?.Label ?? digest?.SentimentLabel;
        if (label is { } l) row.Append(WireNames<SentimentLabel>.Of(l));
        row.Append(',');
        if (patterns?.Sentiment?.Trend is { } trend) row.Append(WireNames<SentimentTrend>.Of(trend));
        row.Append(',');
        CsvCells.AppendNumber(row, patterns?.Dialectic?.Questions);
        row.Append(',');
        CsvCells.AppendNumber(row, patterns?.Dialectic?.AnsweredRatio);
        row.Append(',');
        CsvCells.AppendNumber(row, patterns?.Topics?.Shifts);
        row.Append(',');
        CsvCells.AppendNumber(row, patterns?.Recursive?.RepetitionScore);
        row.Append(',');
        CsvCells.AppendNumber(row, result?.KeyMoments.Count);
        row.Append(',');
        CsvCells.AppendNumber(row, result?.Confidence?.Score ?? digest?.Confidence);
        row.Append(',');
        if (result?.Confidence?.Level is { } level) row.Append(WireNames<ConfidenceLevel>.Of(level));
        row.Append(',');
        CsvCells.AppendBoolean(row, result?.Security?.PromptInjection.Suspected);
        row.Append(',');
        CsvCells.AppendNumber(row, result?.Security?.PiiRedacted);
        row.Append(',');
        var detected = result is not null
            ? (result.DetectedPatterns.Count > 0 ? result.DetectedPatterns : PatternKinds.Detect(result))
            : digest?.DetectedPatterns;
        if (detected is not null) CsvCells.AppendText(row, string.Join(';', detected));
        row.Append(',');
        CsvCells.AppendText(row, record.ErrorCode);
        row.Append(CsvCells.RowEnd);
    }

    /// <summary>The caller's reference for the item, which CONTRACT §4 defaults to its index.</summary>
    private static string? RefOf(AnalysisRecord record) =>
        record.BatchRef ?? record.BatchIndex?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The reference as a JSON string (or null), escaped like the rest of the line, appended to the chunk.</summary>
    private static void WriteRef(Utf8JsonWriter writer, ArrayBufferWriter<byte> chunk, string? value)
    {
        writer.Reset(chunk);
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
        writer.Flush();
    }

    private static async Task WriteChunkAsync(Stream output, ArrayBufferWriter<byte> chunk, CancellationToken cancellationToken)
    {
        if (chunk.WrittenCount > 0) await output.WriteAsync(chunk.WrittenMemory, cancellationToken);
        chunk.ResetWrittenCount();
        await output.FlushAsync(cancellationToken);
    }
}
