using Observatory.Analysis.Core;
using Observatory.Analysis.Text;

namespace Observatory.Analysis.Dynamics;

/// <summary>Computes <see cref="DynamicsPattern"/> in one pass over the messages (plus a sort per speaker for medians).</summary>
internal static class DynamicsAnalysis
{
    public static DynamicsPattern Analyze(ConversationProfile profile, CancellationToken cancellationToken)
    {
        int speakerCount = profile.SpeakerCount;
        int[] speakerIds = profile.SpeakerIds;
        var words = new long[speakerCount];
        var turns = new int[speakerCount];
        var messages = new int[speakerCount];
        var questions = new int[speakerCount];
        var responseSeconds = new List<double>?[speakerCount];
        MessageQuestions[] asks = MessageQuestionReadings.Of(profile, cancellationToken);

        int totalTurns = 0;
        int runLength = 0;
        int longestSpeaker = 0;
        int longestRun = 0;

        for (int i = 0; i < profile.MessageCount; i++)
        {
            CancellationCadence.ThrowIfDue(i, cancellationToken);
            int speaker = speakerIds[i];
            ConversationMessage message = profile.Messages[i];
            words[speaker] += profile.WordCounts[i];
            messages[speaker]++;
            if (asks[i].IsQuestion)
            {
                questions[speaker]++;
            }

            bool startsTurn = i == 0 || speakerIds[i - 1] != speaker;
            if (startsTurn)
            {
                totalTurns++;
                turns[speaker]++;
                runLength = 0;
                if (i > 0 && ResponseDelaySeconds(profile.Messages[i - 1], message) is { } delay)
                {
                    (responseSeconds[speaker] ??= []).Add(delay);
                }
            }

            runLength++;
            if (runLength > longestRun)
            {
                longestRun = runLength;
                longestSpeaker = speaker;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new DynamicsPattern
        {
            Turns = totalTurns,
            Balance = Balance(words),
            DominantSpeaker = profile.Speakers[IndexOfMax(words)],
            TurnSwitchRate = Precision.Ratio(totalTurns - 1, profile.MessageCount - 1),
            WordsPerTurn = profile.ToSpeakerValues(id => Precision.Ratio(words[id], turns[id])),
            QuestionRatio = profile.ToSpeakerValues(id => Precision.Ratio(questions[id], messages[id])),
            LongestStreak = new SpeakerStreak { Speaker = profile.Speakers[longestSpeaker], Messages = longestRun },
            ResponseSeconds = Array.TrueForAll(responseSeconds, list => list is null)
                ? null
                : profile.ToSpeakerValues(id => responseSeconds[id] is { } delays ? Median(delays) : null),
        };
    }

    /// <summary>
    /// Normalized Shannon entropy of the word shares, H / ln n, so 1 means every participant wrote the same number
    /// of words and values near 0 mean one participant wrote nearly everything. Entropy rather than, say, 1 − Gini
    /// because it rewards evenness across all participants, not just against the largest. 0 for one participant or
    /// no words (there is no balance to speak of).
    /// </summary>
    internal static double Balance(long[] wordsBySpeaker)
    {
        long total = 0;
        foreach (long count in wordsBySpeaker)
        {
            total += count;
        }

        if (wordsBySpeaker.Length < 2 || total == 0)
        {
            return 0;
        }

        double entropy = 0;
        foreach (long count in wordsBySpeaker)
        {
            if (count > 0)
            {
                double share = (double)count / total;
                entropy -= share * Math.Log(share);
            }
        }

        return Math.Clamp(Precision.Round(entropy / Math.Log(wordsBySpeaker.Length)), 0, 1);
    }

    /// <summary>Seconds from the previous message to this one, when both are timestamped and time runs forward.</summary>
    private static double? ResponseDelaySeconds(ConversationMessage previous, ConversationMessage current)
    {
        if (previous.Timestamp is not { } before || current.Timestamp is not { } after || after < before)
        {
            return null;
        }

        return (after - before).TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int middle = values.Count / 2;
        double median = values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        return Precision.Round(median);
    }

    /// <summary>Index of the largest value; the first one on a tie.</summary>
    private static int IndexOfMax(long[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
