using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Observatory.Analysis;
using Observatory.ApiService.Exports;
using Observatory.Contracts.Json;
using Observatory.Data.Analyses;
using Observatory.Data.Retention;
using Observatory.Tests.Analysis;

namespace Observatory.Tests.ApiService.Exports;

/// <summary>CONTRACT §4 <c>/results?format=jsonl|csv</c>: one line per item, streamed.</summary>
public sealed class BatchResultsExportTests
{
    private static readonly JsonSerializerOptions ApiJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new UtcTimestampConverter() },
    };

    private static readonly RetentionOptions Retention = new();

    private static List<AnalysisRecord> Batch()
    {
        var first = ExportSamples.Completed(ExportSamples.Result);
        first.BatchIndex = 0;
        first.BatchRef = "client-7";

        var sentimentOnly = ExportSamples.Completed(TestConversation.Analyze(
            TestConversation.Of(("Human", "This is wonderful, thank you!"), ("AI", "Glad it helped.")), PatternFamily.Sentiment));
        sentimentOnly.BatchIndex = 1;   // no ref given: the ref is the index

        var failed = new AnalysisRecord
        {
            Id = Guid.NewGuid(), Status = AnalysisStatus.Failed, BatchIndex = 2, BatchRef = "@SUM(A1)", MessageCount = 3,
            CreatedAt = DateTimeOffset.UnixEpoch, CompletedAt = DateTimeOffset.UnixEpoch, ErrorCode = "llm_unavailable", ErrorMessage = "no model",
        };

        // Retention removed the result but the digest stays.
        var expired = ExportSamples.Completed(ExportSamples.Result);
        expired.BatchIndex = 3;
        expired.BatchRef = "expired";
        expired.ResultJson = null;
        expired.ResultDeletedAt = DateTimeOffset.UnixEpoch;
        return [first, sentimentOnly, failed, expired];
    }

    private static async IAsyncEnumerable<AnalysisRecord> Stream(IEnumerable<AnalysisRecord> records, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var record in records)
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            yield return record;
        }
    }

    [Fact]
    public async Task Json_lines_hold_one_resource_per_item_with_its_ref_first()
    {
        var batch = Batch();

        var text = await ExportSamples.WriteAsync(output =>
            BatchResultsExport.WriteJsonLinesAsync(output, Stream(batch), Retention, ApiJson, CancellationToken.None));

        Assert.EndsWith("\n", text);
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal(["client-7", "1", "@SUM(A1)", "expired"], lines.Select(l => JsonNode.Parse(l)!["ref"]!.GetValue<string>()));
        Assert.All(lines, line => Assert.StartsWith("{\"ref\":", line));

        var first = JsonNode.Parse(lines[0])!.AsObject();
        Assert.Equal(["ref", "id", "status", "progress", "title", "metadata", "batch_id", "created_at", "started_at", "completed_at",
            "expires_at", "result", "error", "links"], first.Select(p => p.Key));
        Assert.Equal(batch[0].Id.ToString("D"), first["id"]!.GetValue<string>());
        Assert.Equal(9, first["result"]!["conversation"]!["messages"]!.GetValue<int>());
        Assert.Equal("2025-05-01T10:00:00.000Z", first["created_at"]!.GetValue<string>());

        var failed = JsonNode.Parse(lines[2])!;
        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        Assert.Equal("llm_unavailable", failed["error"]!["code"]!.GetValue<string>());
        Assert.Null(failed["result"]);
    }

    [Fact]
    public async Task A_ref_with_quotes_and_a_line_break_is_escaped_and_keeps_its_item_on_one_line()
    {
        var batch = Batch();
        batch[0].BatchRef = "say \"hi\"\nthen </script>";

        var text = await ExportSamples.WriteAsync(output =>
            BatchResultsExport.WriteJsonLinesAsync(output, Stream(batch), Retention, ApiJson, CancellationToken.None));

        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(batch.Count, lines.Length);
        Assert.Equal(batch[0].BatchRef, JsonNode.Parse(lines[0])!["ref"]!.GetValue<string>());
        Assert.Equal(batch[1].Id.ToString("D"), JsonNode.Parse(lines[1])!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Json_lines_are_compact_even_with_indented_options()
    {
        var indented = new JsonSerializerOptions(ApiJson) { WriteIndented = true };

        var text = await ExportSamples.WriteAsync(output =>
            BatchResultsExport.WriteJsonLinesAsync(output, Stream(Batch()), Retention, indented, CancellationToken.None));

        Assert.Equal(4, text.Count(c => c == '\n'));
    }

    [Fact]
    public async Task Csv_has_one_row_per_item_with_headline_metrics()
    {
        var batch = Batch();

        var text = await ExportSamples.WriteAsync(output => BatchResultsExport.WriteCsvAsync(output, Stream(batch), CancellationToken.None));
        var rows = Rfc4180.Parse(text);

        Assert.StartsWith("ref,analysis_id,status,messages,participants,dominant_speaker,sentiment,sentiment_label,trend,questions,"
            + "answered_ratio,topic_shifts,repetition_score,key_moments,confidence,confidence_level,prompt_injection_suspected,"
            + "pii_redacted,detected_patterns,error_code\r\n", text);
        Assert.Equal(5, rows.Count);
        Assert.All(rows, row => Assert.Equal(BatchResultsExport.CsvColumns.Count, row.Count));

        var full = Columns(rows[0], rows[1]);
        var result = ExportSamples.Result;
        Assert.Equal("client-7", full["ref"]);
        Assert.Equal(batch[0].Id.ToString("D"), full["analysis_id"]);
        Assert.Equal("completed", full["status"]);
        Assert.Equal("9", full["messages"]);
        Assert.Equal("3", full["participants"]);
        Assert.Equal("'" + ExportSamples.FormulaSpeaker, full["dominant_speaker"]);   // neutralised
        Assert.Equal(Invariant(result.Patterns.Sentiment!.Overall), full["sentiment"]);
        Assert.StartsWith("-0.", full["sentiment"]);   // a negative number, not neutralised as if it were a formula
        Assert.Equal("neutral", full["sentiment_label"]);
        Assert.Equal("declining", full["trend"]);
        Assert.Equal("3", full["questions"]);
        Assert.Equal("0.6667", full["answered_ratio"]);
        Assert.Equal("1", full["topic_shifts"]);
        Assert.Equal("0", full["repetition_score"]);
        Assert.Equal(result.KeyMoments.Count.ToString(), full["key_moments"]);
        Assert.Equal(Invariant(result.Confidence!.Score), full["confidence"]);
        Assert.Equal("medium", full["confidence_level"]);
        Assert.Equal("true", full["prompt_injection_suspected"]);
        Assert.Equal("1", full["pii_redacted"]);
        Assert.Equal(string.Join(';', result.DetectedPatterns), full["detected_patterns"]);
        Assert.Contains("prompt_injection", full["detected_patterns"]);
        Assert.Equal("", full["error_code"]);

        var sentimentOnly = Columns(rows[0], rows[2]);
        Assert.Equal("1", sentimentOnly["ref"]);
        Assert.Equal("positive", sentimentOnly["sentiment_label"]);
        Assert.Equal("", sentimentOnly["dominant_speaker"]);
        Assert.Equal("", sentimentOnly["questions"]);

        var failed = Columns(rows[0], rows[3]);
        Assert.Equal("'@SUM(A1)", failed["ref"]);
        Assert.Equal("failed", failed["status"]);
        Assert.Equal("3", failed["messages"]);
        Assert.Equal("llm_unavailable", failed["error_code"]);
        Assert.Equal("", failed["sentiment"]);

        var expired = Columns(rows[0], rows[4]);
        Assert.Equal("9", expired["messages"]);                    // from the digest
        Assert.Equal(full["sentiment"], expired["sentiment"]);
        Assert.Equal("neutral", expired["sentiment_label"]);
        Assert.Equal(full["confidence"], expired["confidence"]);
        Assert.Equal(full["detected_patterns"], expired["detected_patterns"]);
        Assert.Equal("", expired["trend"]);                         // only the full result had it
    }

    [Fact]
    public async Task A_thousand_items_stream_through_without_being_collected_first()
    {
        var template = ExportSamples.Completed(ExportSamples.Result);
        var produced = 0;
        async IAsyncEnumerable<AnalysisRecord> Items()
        {
            for (var i = 0; i < 1000; i++)
            {
                await Task.Yield();
                produced++;
                yield return new AnalysisRecord
                {
                    Id = Guid.NewGuid(), Status = template.Status, BatchIndex = i, CreatedAt = template.CreatedAt,
                    CompletedAt = template.CompletedAt, ResultJson = template.ResultJson, DigestJson = template.DigestJson,
                };
            }
        }
        var output = new WriteCountingStream(() => produced);

        await BatchResultsExport.WriteJsonLinesAsync(output, Items(), Retention, ApiJson, CancellationToken.None);

        Assert.Equal(1000, produced);
        Assert.Equal(1000, output.Lines);
        // Bytes reached the output while items were still being produced: the writer did not collect them all first.
        Assert.True(output.ProducedAtFirstWrite < 1000, $"first write after {output.ProducedAtFirstWrite} items");
    }

    private static string Invariant(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Columns(List<string> header, List<string> row) =>
        header.Zip(row).ToDictionary(p => p.First, p => p.Second);

    private sealed class WriteCountingStream(Func<int> produced) : MemoryStream
    {
        public int ProducedAtFirstWrite { get; private set; } = -1;
        public int Lines => ToArray().Count(b => b == (byte)'\n');

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (ProducedAtFirstWrite < 0) ProducedAtFirstWrite = produced();
            return base.WriteAsync(buffer, cancellationToken);
        }
    }
}
