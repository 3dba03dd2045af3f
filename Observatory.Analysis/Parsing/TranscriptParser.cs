using Observatory.Analysis.Text;
using System.Text;
using Observatory.Analysis.Parsing;

namespace Observatory.Analysis;

/// <summary>Turns the plain-text "transcript" input form into a <see cref="Conversation"/> (CONTRACT §2).</summary>
/// <remarks>
/// A line shaped like "[time] Label: text" (see <see cref="TurnHeaderReader"/>) starts a turn when the label is a
/// role name ("Human", "AI", "Assistant", …) or when the same label starts at least two lines of the transcript
/// ("Ada", "Ben"), or — in a timestamped transcript, see <see cref="IsTimestamped"/> — when the line carries a
/// time ("[10:04] Amy: …" for a speaker who talks once). Labels are matched case-insensitively; the first spelling
/// seen names the speaker. Every other line continues the current turn, joined with "\n": blank lines inside a turn stay as paragraph breaks, the turn's
/// leading and trailing whitespace is trimmed, and turns left without text are dropped (as in
/// <see cref="ConversationNormalizer"/>). Text before the first turn becomes a turn by
/// <see cref="ConversationNormalizer.UnknownSpeaker"/> (participant). Times are resolved by
/// <see cref="TranscriptClock"/>. Two passes over the lines, each line examined only in a bounded prefix: linear.
/// </remarks>
public static class TranscriptParser
{
    private const int MinimumRecurrence = 2;

    public static Conversation Parse(string transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ReadOnlySpan<char> text = transcript.AsSpan();
        if (!text.IsEmpty && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        List<TranscriptLine> lines = ReadLines(text, out Dictionary<string, LabelUsage> labels);
        bool timestamped = IsTimestamped(lines, labels);
        var messages = new List<ConversationMessage>();
        var clock = new TranscriptClock();
        var content = new StringBuilder();
        string speaker = ConversationNormalizer.UnknownSpeaker;
        SpeakerRole role = SpeakerRole.Participant;
        DateTimeOffset? timestamp = null;
        bool contentHasLine = false;

        foreach (TranscriptLine line in lines)
        {
            ReadOnlySpan<char> lineText = text.Slice(line.Start, line.Length);
            if (line.Header is { } header
                && labels[header.Label] is var usage
                && (usage.StartsTurns || (timestamped && header.Time is not null)))
            {
                AddMessage(messages, speaker, role, content, timestamp);
                speaker = usage.Speaker;
                role = usage.Role;
                timestamp = clock.Resolve(header.Time);
                content.Clear();
                content.Append(lineText[header.ContentStart..]);
                contentHasLine = true;
                continue;
            }

            if (contentHasLine)
            {
                content.Append('\n');
            }

            content.Append(lineText);
            contentHasLine = true;
        }

        AddMessage(messages, speaker, role, content, timestamp);
        return new Conversation(messages);
    }

    /// <summary>First pass: line boundaries (\n, \r\n, \r), header shapes, and how often each label starts a line.</summary>
    private static List<TranscriptLine> ReadLines(ReadOnlySpan<char> text, out Dictionary<string, LabelUsage> labels)
    {
        labels = new Dictionary<string, LabelUsage>(StringComparer.OrdinalIgnoreCase);
        var lines = new List<TranscriptLine>();
        int start = 0;
        while (start <= text.Length)
        {
            int relativeBreak = text[start..].IndexOfAny('\r', '\n');
            int end = relativeBreak < 0 ? text.Length : start + relativeBreak;
            TurnHeader? header = null;
            if (TurnHeaderReader.TryRead(text[start..end], out TurnHeader found))
            {
                header = found;
                if (labels.TryGetValue(found.Label, out LabelUsage? usage))
                {
                    usage.Occurrences++;
                }
                else
                {
                    labels.Add(found.Label, new LabelUsage(found.Label));
                }
            }

            lines.Add(new TranscriptLine(start, end - start, header));
            if (relativeBreak < 0)
            {
                break;
            }

            start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        }

        return lines;
    }

    /// <summary>
    /// True when times mark the turns of this transcript: most turn lines (by role or recurrence) carry a time, or,
    /// when there are none, at least two header-shaped lines do and they are most of them. Then a time before a
    /// label is evidence of a turn even for a speaker who talks once; in an untimed transcript, a timed line such as
    /// an agenda item ("09:00 Intro: welcome") inside a message stays text.
    /// </summary>
    private static bool IsTimestamped(List<TranscriptLine> lines, Dictionary<string, LabelUsage> labels)
    {
        int turnLines = 0, timedTurnLines = 0, headerLines = 0, timedHeaderLines = 0;
        foreach (TranscriptLine line in lines)
        {
            if (line.Header is not { } header)
            {
                continue;
            }

            bool timed = header.Time is not null;
            headerLines++;
            timedHeaderLines += timed ? 1 : 0;
            if (labels[header.Label].StartsTurns)
            {
                turnLines++;
                timedTurnLines += timed ? 1 : 0;
            }
        }

        return turnLines > 0
            ? timedTurnLines * 2 > turnLines
            : timedHeaderLines >= MinimumRecurrence && timedHeaderLines * 2 > headerLines;
    }

    private static void AddMessage(List<ConversationMessage> messages, string speaker, SpeakerRole role, StringBuilder content, DateTimeOffset? timestamp)
    {
        string trimmed = content.ToString().Trim();
        if (trimmed.Length > 0)
        {
            messages.Add(new ConversationMessage(messages.Count, LoneSurrogates.Replace(speaker), role, LoneSurrogates.Replace(trimmed), timestamp));
        }
    }

    private readonly record struct TranscriptLine(int Start, int Length, TurnHeader? Header);

    /// <summary>How a label is used across the transcript; decides whether its lines start turns.</summary>
    private sealed class LabelUsage(string firstSpelling)
    {
        public string Speaker { get; } = firstSpelling;

        public SpeakerRole Role { get; } = RoleInference.FromLabel(firstSpelling);

        public int Occurrences { get; set; } = 1;

        public bool StartsTurns => Role != SpeakerRole.Participant || Occurrences >= MinimumRecurrence;
    }
}
