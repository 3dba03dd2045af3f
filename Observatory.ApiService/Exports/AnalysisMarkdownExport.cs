using System.Globalization;
using System.Text;
using static System.FormattableString;
using Observatory.Analysis;
using Observatory.Data.Analyses;

namespace Observatory.ApiService.Exports;

/// <summary>
/// One analysis as a readable Markdown report: summary, participants, a section per pattern family present, themes,
/// key moments, insights, detected patterns, confidence, security and engine. Every piece of text that comes from
/// the conversation or the caller goes through <see cref="MarkdownText"/>; excerpts were already redacted by the engine.
/// </summary>
public static class AnalysisMarkdownExport
{
    /// <summary>Long lists are cut here (with a count of the rest): a report is for reading, the JSON has everything.</summary>
    public const int ListLimit = 10;
    public const int ExchangeLimit = 5;

    public static async Task WriteAsync(Stream output, AnalysisRecord record, AnalysisResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(result);

        var buffer = new ExportTextBuffer(output);
        var report = new Report(buffer.Text);

        WriteHeading(report, record, result);
        await WriteParticipantsAsync(report, buffer, result.Conversation, cancellationToken);
        if (result.Patterns.Dialectic is { } dialectic) WriteDialectic(report, dialectic);
        if (result.Patterns.Sentiment is { } sentiment) WriteSentiment(report, sentiment);
        if (result.Patterns.Topics is { } topics) await WriteTopicsAsync(report, buffer, topics, cancellationToken);
        if (result.Patterns.Dynamics is { } dynamics) WriteDynamics(report, dynamics);
        if (result.Patterns.Recursive is { } recursive) WriteRecursive(report, recursive);
        await buffer.WriteIfFullAsync(cancellationToken);
        await WriteThemesAsync(report, buffer, result.Themes, cancellationToken);
        await WriteKeyMomentsAsync(report, buffer, result.KeyMoments, cancellationToken);
        await WriteInsightsAsync(report, buffer, result.Insights, cancellationToken);
        WriteDetectedPatterns(report, result.DetectedPatterns);
        if (result.Confidence is { } confidence) WriteConfidence(report, confidence);
        if (result.Security is { } security) WriteSecurity(report, security);
        WriteEngine(report, result.Engine);
        await buffer.CompleteAsync(cancellationToken);
    }

    private static void WriteHeading(Report report, AnalysisRecord record, AnalysisResult result)
    {
        report.Raw("# Conversation analysis");
        if (!string.IsNullOrWhiteSpace(record.Title)) report.Raw(": ").Text(record.Title);
        report.Line().Line();
        report.Raw(Invariant($"Analysis `{record.Id:D}`"));
        if (record.CompletedAt is { } completed)
            report.Raw(Invariant($" · completed {completed.UtcDateTime:yyyy-MM-dd HH:mm} UTC"));
        report.Line().Line();

        var conversation = result.Conversation;
        report.Raw("**").Count(conversation.Messages, "message").Raw("** · ").Count(conversation.Participants.Count, "participant")
            .Raw(" · ").Raw(Duration(conversation.DurationSeconds));
        if (result.Patterns.Dialectic is { } dialectic) report.Raw(" · structure: ").Text(dialectic.Structure);
        if (result.Patterns.Sentiment is { } sentiment)
            report.Raw(" · overall sentiment: ").Raw(WireNames<SentimentLabel>.Of(sentiment.Label)).Raw(" (").Number(sentiment.Overall).Raw(")");
        report.Line().Line();
    }

    private static async Task WriteParticipantsAsync(Report report, ExportTextBuffer buffer, ConversationSummary conversation, CancellationToken cancellationToken)
    {
        report.Raw("## Participants").Line().Line();
        report.Raw("| Speaker | Role | Messages | Words | Share |").Line();
        report.Raw("|---|---|---:|---:|---:|").Line();
        foreach (var participant in conversation.Participants)
        {
            report.Raw("| ").Text(participant.Speaker).Raw(" | ").Raw(WireNames<SpeakerRole>.Of(participant.Role))
                .Raw(Invariant($" | {participant.Messages} | {participant.Words} | ")).Percent(participant.Share).Raw(" |").Line();
            await buffer.WriteIfFullAsync(cancellationToken);
        }
        report.Line();
    }

    private static void WriteDialectic(Report report, DialecticPattern dialectic)
    {
        report.Raw("## Dialectic").Line().Line();
        report.Raw(Invariant($"- Questions: {dialectic.Questions}, answered: {dialectic.Answered} ("))
            .Percent(dialectic.AnsweredRatio).Raw(")").Line();
        report.Raw("- Structure: ").Text(dialectic.Structure).Line();
        var moves = dialectic.Moves;
        report.Raw(Invariant(
            $"- Moves: claim {moves.Claim} · challenge {moves.Challenge} · concession {moves.Concession} · clarification {moves.Clarification} · synthesis {moves.Synthesis}")).Line();
        if (dialectic.Unanswered.Count > 0)
        {
            report.Raw("- Unanswered questions: ");
            report.Indices(dialectic.Unanswered.Take(ListLimit)).More(dialectic.Unanswered.Count, ListLimit).Line();
        }
        if (dialectic.Exchanges.Count > 0)
        {
            report.Line().Raw("### Exchanges").Line().Line();
            foreach (var exchange in dialectic.Exchanges.Take(ExchangeLimit))
            {
                report.Raw(Invariant($"- **#{exchange.QuestionIndex}:** ")).Text(exchange.Question)
                    .Raw(Invariant($" → **#{exchange.AnswerIndex}:** ")).Text(exchange.Answer).Line();
            }
            report.MoreLine(dialectic.Exchanges.Count, ExchangeLimit, "exchanges");
        }
        report.Line();
    }

    private static void WriteSentiment(Report report, SentimentPattern sentiment)
    {
        report.Raw("## Sentiment").Line().Line();
        report.Raw("- Overall: ").Number(sentiment.Overall).Raw(" (").Raw(WireNames<SentimentLabel>.Of(sentiment.Label)).Raw(")").Line();
        report.Raw("- Trend: ").Raw(WireNames<SentimentTrend>.Of(sentiment.Trend)).Raw(" (slope ").Number(sentiment.Slope).Raw(")").Line();
        if (sentiment.BySpeaker.Count > 0) report.Raw("- By speaker: ").SpeakerValues(sentiment.BySpeaker).Line();
        if (sentiment.Shifts.Count == 0)
        {
            report.Raw("- Shifts: none").Line();
        }
        else
        {
            report.Raw("- Shifts:").Line();
            foreach (var shift in sentiment.Shifts.Take(ListLimit))
            {
                report.Raw(Invariant($"  - #{shift.Index} (")).Text(shift.Speaker).Raw("): ")
                    .Raw(WireNames<SentimentLabel>.Of(shift.From)).Raw(" → ").Raw(WireNames<SentimentLabel>.Of(shift.To)).Line();
            }
            if (sentiment.Shifts.Count > ListLimit) report.Raw("  ").MoreLine(sentiment.Shifts.Count, ListLimit, "shifts");
        }
        report.Line();
    }

    private static async Task WriteTopicsAsync(Report report, ExportTextBuffer buffer, TopicsPattern topics, CancellationToken cancellationToken)
    {
        report.Raw("## Topics").Line().Line();
        if (topics.Keywords.Count > 0)
        {
            report.Raw("- Keywords: ");
            var first = true;
            foreach (var keyword in topics.Keywords.Take(ListLimit))
            {
                if (!first) report.Raw(", ");
                first = false;
                report.Text(keyword.Term).Raw(" (").Number(keyword.Weight).Raw(")");
            }
            report.Line();
        }
        report.Raw(Invariant($"- Topic shifts: {topics.Shifts}")).Line();
        if (topics.Segments.Count > 0)
        {
            report.Line().Raw("| Messages | Label | Keywords |").Line().Raw("|---|---|---|").Line();
            foreach (var segment in topics.Segments)
            {
                report.Raw(Invariant($"| #{segment.StartIndex}–#{segment.EndIndex} | ")).Text(segment.Label).Raw(" | ")
                    .Text(string.Join(", ", segment.Keywords)).Raw(" |").Line();
                await buffer.WriteIfFullAsync(cancellationToken);
            }
        }
        report.Line();
    }

    private static void WriteDynamics(Report report, DynamicsPattern dynamics)
    {
        report.Raw("## Dynamics").Line().Line();
        report.Raw(Invariant($"- Turns: {dynamics.Turns}, turn switch rate: ")).Number(dynamics.TurnSwitchRate).Line();
        report.Raw("- Balance: ").Number(dynamics.Balance).Raw(" (1 = perfectly even); dominant speaker: ").Text(dynamics.DominantSpeaker).Line();
        report.Raw("- Longest streak: ").Text(dynamics.LongestStreak.Speaker)
            .Raw(" (").Count(dynamics.LongestStreak.Messages, "message").Raw(")").Line();
        if (dynamics.WordsPerTurn.Count > 0) report.Raw("- Words per turn: ").SpeakerValues(dynamics.WordsPerTurn).Line();
        if (dynamics.QuestionRatio.Count > 0) report.Raw("- Question ratio: ").SpeakerValues(dynamics.QuestionRatio).Line();
        if (dynamics.ResponseSeconds is { Count: > 0 } response) report.Raw("- Median response seconds: ").SpeakerValues(response).Line();
        report.Line();
    }

    private static void WriteRecursive(Report report, RecursivePattern recursive)
    {
        report.Raw("## Recursive").Line().Line();
        report.Raw("- Repetition score: ").Number(recursive.RepetitionScore).Line();
        if (recursive.Loops.Count == 0) report.Raw("- Loops: none").Line();
        else
        {
            report.Raw("- Loops:").Line();
            foreach (var loop in recursive.Loops.Take(ListLimit))
            {
                report.Raw(Invariant($"  - #{loop.StartIndex}–#{loop.EndIndex}: “")).Text(loop.Phrase)
                    .Raw(Invariant($"” ×{loop.Occurrences}")).Line();
            }
            if (recursive.Loops.Count > ListLimit) report.Raw("  ").MoreLine(recursive.Loops.Count, ListLimit, "loops");
        }
        if (recursive.Callbacks.Count == 0) report.Raw("- Callbacks: none").Line();
        else
        {
            report.Raw("- Callbacks:").Line();
            foreach (var callback in recursive.Callbacks.Take(ListLimit))
            {
                report.Raw(Invariant($"  - #{callback.Index} refers back to #{callback.RefersToIndex}: “")).Text(callback.Term).Raw("”").Line();
            }
            if (recursive.Callbacks.Count > ListLimit) report.Raw("  ").MoreLine(recursive.Callbacks.Count, ListLimit, "callbacks");
        }
        report.Line();
    }

    private static async Task WriteThemesAsync(Report report, ExportTextBuffer buffer, IReadOnlyList<Theme> themes, CancellationToken cancellationToken)
    {
        report.Raw("## Themes").Line().Line();
        if (themes.Count == 0) report.Raw("None found.").Line();
        foreach (var theme in themes)
        {
            report.Raw("- **").Text(theme.Label).Raw("** (weight ").Number(theme.Weight)
                .Raw("): ").Count(theme.MessageIndices.Count, "message").Line();
            await buffer.WriteIfFullAsync(cancellationToken);
        }
        report.Line();
    }

    private static async Task WriteKeyMomentsAsync(Report report, ExportTextBuffer buffer, IReadOnlyList<KeyMoment> moments, CancellationToken cancellationToken)
    {
        report.Raw("## Key moments").Line().Line();
        if (moments.Count == 0)
        {
            report.Raw("None found.").Line().Line();
            return;
        }
        report.Raw("| # | Kind | Excerpt | Reason |").Line().Raw("|---:|---|---|---|").Line();
        foreach (var moment in moments)
        {
            report.Raw(Invariant($"| {moment.Index} | ")).Raw(WireNames<KeyMomentKind>.Of(moment.Kind)).Raw(" | ")
                .Text(moment.Excerpt).Raw(" | ").Text(moment.Reason).Raw(" |").Line();
            await buffer.WriteIfFullAsync(cancellationToken);
        }
        report.Line();
    }

    private static async Task WriteInsightsAsync(Report report, ExportTextBuffer buffer, IReadOnlyList<string> insights, CancellationToken cancellationToken)
    {
        report.Raw("## Insights").Line().Line();
        if (insights.Count == 0) report.Raw("None.").Line();
        foreach (var insight in insights)
        {
            report.Raw("- ").Text(insight).Line();
            await buffer.WriteIfFullAsync(cancellationToken);
        }
        report.Line();
    }

    private static void WriteDetectedPatterns(Report report, IReadOnlyList<string> patterns)
    {
        report.Raw("## Detected patterns").Line().Line();
        if (patterns.Count == 0) report.Raw("None.");
        else report.Text(string.Join(", ", patterns));
        report.Line().Line();
    }

    private static void WriteConfidence(Report report, ConfidenceAssessment confidence)
    {
        report.Raw("## Confidence").Line().Line();
        report.Raw("- Score: ").Number(confidence.Score).Raw(" (").Raw(WireNames<ConfidenceLevel>.Of(confidence.Level)).Raw(")").Line();
        report.Raw("- Components: length ").Number(confidence.Components.Length).Raw(", clarity ").Number(confidence.Components.Clarity)
            .Raw(", model certainty ");
        if (confidence.Components.ModelCertainty is { } certainty) report.Number(certainty);
        else report.Raw("n/a");
        report.Line().Line();
    }

    private static void WriteSecurity(Report report, SecurityFindings security)
    {
        report.Raw("## Security").Line().Line();
        var injection = security.PromptInjection;
        report.Raw("- Prompt injection suspected: ").Raw(injection.Suspected ? "yes" : "no");
        if (injection.Indices.Count > 0)
        {
            report.Raw(injection.Indices.Count == 1 ? " (message " : " (messages ").Indices(injection.Indices.Take(ListLimit)).More(injection.Indices.Count, ListLimit).Raw(")");
        }
        report.Line();
        report.Raw(Invariant($"- PII values redacted: {security.PiiRedacted}")).Line().Line();
    }

    private static void WriteEngine(Report report, EngineSummary engine)
    {
        report.Raw("## Engine").Line().Line();
        report.Raw("- Version: ").Text(engine.Version).Line();
        report.Raw("- Language model: ");
        if (engine.Llm.Used) report.Raw("used (").Text(engine.Llm.Model ?? "unnamed model").Raw(")");
        else
        {
            report.Raw("not used");
            if (!string.IsNullOrEmpty(engine.Llm.Reason)) report.Raw(" (").Text(engine.Llm.Reason).Raw(")");
        }
        report.Line();
    }

    private static string Duration(double? seconds) => seconds switch
    {
        null => "no timestamps",
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.#} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(seconds.Value / 60)} min {Math.Floor(seconds.Value % 60)} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(seconds.Value / 3600)} h {Math.Floor(seconds.Value % 3600 / 60)} min"),
    };

    /// <summary>Appends to the report: <see cref="Raw(string)"/> for our own markup, <see cref="Text"/> for anything else.</summary>
    private sealed class Report(StringBuilder markdown)
    {
        public Report Raw(string markup)
        {
            markdown.Append(markup);
            return this;
        }

        public Report Text(string? text)
        {
            MarkdownText.Append(markdown, text);
            return this;
        }

        public Report Number(double value)
        {
            markdown.Append(value.ToString("0.###", CultureInfo.InvariantCulture));
            return this;
        }

        public Report Percent(double ratio)
        {
            markdown.Append((ratio * 100).ToString("0.#", CultureInfo.InvariantCulture)).Append(" %");
            return this;
        }

        public Report Count(int count, string noun)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"{count} {noun}");
            if (count != 1) markdown.Append('s');
            return this;
        }

        public Report Indices(IEnumerable<int> indices)
        {
            markdown.AppendJoin(", ", indices.Select(i => "#" + i.ToString(CultureInfo.InvariantCulture)));
            return this;
        }

        public Report SpeakerValues(SpeakerValues values)
        {
            var first = true;
            foreach (var (speaker, value) in values.Take(ListLimit))
            {
                if (!first) Raw(", ");
                first = false;
                Text(speaker).Raw(" ").Number(value);
            }
            return More(values.Count, ListLimit);
        }

        public Report More(int total, int shown)
        {
            if (total > shown) markdown.Append(CultureInfo.InvariantCulture, $" and {total - shown} more");
            return this;
        }

        public Report MoreLine(int total, int shown, string what)
        {
            if (total > shown) markdown.Append(CultureInfo.InvariantCulture, $"- …and {total - shown} more {what}").Append('\n');
            return this;
        }

        public Report Line()
        {
            markdown.Append('\n');
            return this;
        }
    }
}
