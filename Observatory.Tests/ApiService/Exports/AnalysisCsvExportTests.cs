using Observatory.Analysis;
using Observatory.ApiService.Exports;
using Observatory.Tests.Analysis;

namespace Observatory.Tests.ApiService.Exports;

/// <summary>CONTRACT §3 <c>?format=csv</c>: a header row and one row per message.</summary>
public sealed class AnalysisCsvExportTests
{
    private static readonly AnalysisResult Result = ExportSamples.Result;

    private static Task<string> CsvOf(AnalysisResult result) =>
        ExportSamples.WriteAsync(output => AnalysisCsvExport.WriteAsync(output, result, CancellationToken.None));

    [Fact]
    public async Task The_header_is_exact_and_there_is_one_row_per_message()
    {
        var text = await CsvOf(Result);
        var rows = Rfc4180.Parse(text);

        Assert.StartsWith("index,speaker,role,words,sentiment,topic_segment,is_question,key_moment,prompt_injection\r\n", text);
        Assert.Equal(1 + ExportSamples.Conversation.Messages.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal(9, row.Count));
        Assert.Equal(Enumerable.Range(0, 9).Select(i => i.ToString()), rows.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task A_speaker_that_is_a_formula_is_quoted_and_neutralised()
    {
        var text = await CsvOf(Result);
        var rows = Rfc4180.Parse(text);

        // The raw line a spreadsheet receives: quoted (it holds quotes), quotes doubled, apostrophe before '='.
        Assert.StartsWith("1,\"'=cmd|\"\"x\"\"\",participant,15,0,", text.Split("\r\n")[2]);
        Assert.Equal("'" + ExportSamples.FormulaSpeaker, rows[2][1]);
        Assert.Equal(ExportSamples.LinkSpeaker, rows[8][1]);
        Assert.DoesNotContain(rows.Skip(1), row => row.Any(cell => cell.Length > 0 && "=+@".Contains(cell[0])));
    }

    [Fact]
    public async Task Numbers_use_the_invariant_culture_and_negative_sentiment_stays_a_number()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        // The tests run in globalization-invariant mode, so build a culture that writes numbers the German way.
        var german = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
        german.NumberFormat.NumberDecimalSeparator = ",";
        german.NumberFormat.NegativeSign = "\u2212";
        Thread.CurrentThread.CurrentCulture = german;
        Assert.Equal("\u22120,25", (-0.25).ToString());
        try
        {
            var rows = Rfc4180.Parse(await CsvOf(Result));

            Assert.Equal("0.5859", rows[1][4]);
            Assert.Equal("-0.25", rows[4][4]);
            Assert.Equal("-0.9274", rows[7][4]);
            Assert.Equal("0", rows[2][4]);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task Segment_labels_key_moments_and_injection_flags_land_on_their_rows()
    {
        // What the sample is known to contain; if the engine changes, this says why the rest fails.
        var segments = Result.Patterns.Topics!.Segments;
        Assert.Equal([(0, 2), (3, 8)], segments.Select(s => (s.StartIndex, s.EndIndex)));
        Assert.Equal([3], Result.Security!.PromptInjection.Indices);
        Assert.Contains(Result.KeyMoments, m => m is { Index: 3, Kind: KeyMomentKind.TurningPoint });

        var rows = Rfc4180.Parse(await CsvOf(Result)).Skip(1).ToList();

        Assert.Equal(segments[0].Label, rows[2][5]);   // last message of the first segment
        Assert.Equal(segments[1].Label, rows[3][5]);   // first of the second
        Assert.Equal(segments[1].Label, rows[8][5]);
        Assert.Equal("tomatoes · garden · shade", rows[0][5]);
        foreach (var row in rows)
        {
            var index = int.Parse(row[0]);
            var kinds = Result.KeyMoments.Where(m => m.Index == index).Select(m => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(m.Kind.ToString()));
            Assert.Equal(string.Join(';', kinds), row[7]);
            Assert.Equal(index == 3 ? "true" : "false", row[8]);
        }
        Assert.Equal("turning_point", rows[3][7]);
        Assert.Equal("true", rows[0][6]);
        Assert.Equal("false", rows[1][6]);
    }

    [Fact]
    public async Task Families_that_were_not_requested_leave_their_cells_empty()
    {
        var result = TestConversation.Analyze(ExportSamples.Conversation, PatternFamily.Dynamics);

        var rows = Rfc4180.Parse(await CsvOf(result)).Skip(1).ToList();

        Assert.Equal(9, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal("", row[4]);  // sentiment
            Assert.Equal("", row[5]);  // topic_segment
            Assert.Equal("", row[6]);  // is_question
        });
        Assert.Equal("Ada", rows[0][1]);
    }

    [Fact]
    public async Task Ten_thousand_messages_stream_out_in_chunks_without_breaking_a_character()
    {
        // Rows built directly: the point is the writer's chunking (hundreds of KB, emoji straddling chunk edges).
        var rows = Enumerable.Range(0, 10_000).Select(i => new MessageRow
        {
            Index = i, Speaker = $"Zoë 😀 {i % 3}", Role = SpeakerRole.Participant, Words = i % 17, Sentiment = null, IsQuestion = null,
        }).ToList();
        var result = Result with { Messages = rows, Conversation = Result.Conversation with { Messages = rows.Count } };

        var parsed = Rfc4180.Parse(await CsvOf(result));

        Assert.Equal(10_001, parsed.Count);
        Assert.Equal(["9999", "Zoë 😀 0", "participant", "3"], parsed[^1].Take(4));
        Assert.All(parsed.Skip(1), row => Assert.StartsWith("Zoë 😀 ", row[1]));
    }
}
