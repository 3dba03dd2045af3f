using Observatory.Analysis;

namespace Observatory.ApiService.Exports;

/// <summary>
/// One analysis as CSV: a header row, then one row per message built from the result's per-message rows and the
/// findings that point at message indices (the conversation text itself is deleted by then, by design).
/// </summary>
public static class AnalysisCsvExport
{
    public static readonly IReadOnlyList<string> Columns =
        ["index", "speaker", "role", "words", "sentiment", "topic_segment", "is_question", "key_moment", "prompt_injection"];

    public static async Task WriteAsync(Stream output, AnalysisResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);

        var buffer = new ExportTextBuffer(output);
        var text = buffer.Text;
        CsvCells.AppendHeader(text, Columns);

        var segments = result.Patterns.Topics?.Segments.OrderBy(s => s.StartIndex).ToList() ?? [];
        var moments = result.KeyMoments.GroupBy(m => m.Index)
            .ToDictionary(g => g.Key, g => string.Join(';', g.Select(m => WireNames<KeyMomentKind>.Of(m.Kind))));
        var injected = result.Security?.PromptInjection.Indices.ToHashSet();

        // Results stored before per-message rows existed have none: their rows still carry what indices tell.
        var count = Math.Max(result.Conversation.Messages, result.Messages.Count);
        var segment = 0;
        for (var index = 0; index < count; index++)
        {
            var message = index < result.Messages.Count && result.Messages[index].Index == index ? result.Messages[index] : null;
            while (segment < segments.Count && segments[segment].EndIndex < index) segment++;
            var label = segment < segments.Count && segments[segment].StartIndex <= index ? segments[segment].Label : null;

            CsvCells.AppendNumber(text, index);
            text.Append(',');
            CsvCells.AppendText(text, message?.Speaker);
            text.Append(',');
            if (message is not null) text.Append(WireNames<SpeakerRole>.Of(message.Role));
            text.Append(',');
            CsvCells.AppendNumber(text, message?.Words);
            text.Append(',');
            CsvCells.AppendNumber(text, message?.Sentiment);
            text.Append(',');
            CsvCells.AppendText(text, label);
            text.Append(',');
            CsvCells.AppendBoolean(text, message?.IsQuestion);
            text.Append(',');
            CsvCells.AppendText(text, moments.GetValueOrDefault(index));
            text.Append(',');
            CsvCells.AppendBoolean(text, injected?.Contains(index));
            text.Append(CsvCells.RowEnd);
            await buffer.WriteIfFullAsync(cancellationToken);
        }
        await buffer.CompleteAsync(cancellationToken);
    }
}
