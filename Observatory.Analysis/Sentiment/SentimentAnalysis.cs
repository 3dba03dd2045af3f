using Observatory.Analysis.Core;
using Observatory.Analysis.Sentiment.Lexicon;
using Observatory.Analysis.Text;

namespace Observatory.Analysis.Sentiment;

/// <summary>
/// Computes <see cref="SentimentPattern"/>: every message scored by <see cref="MessageSentimentScorer"/>, then
/// <list type="bullet">
/// <item><b>overall</b>: the plain mean of the message scores — every message one vote, so a long rant does not
/// outweigh ten short replies, and messages without sentiment words count as neutral (0);</item>
/// <item><b>label</b>: overall against ±0.05 (<see cref="SentimentLabels"/>);</item>
/// <item><b>by_speaker</b>: the mean score of each speaker's messages;</item>
/// <item><b>trajectory</b>: the smoothed series (<see cref="SentimentSmoothing"/>) at every message, or at 500 evenly
/// spaced ones for longer conversations (<see cref="SentimentTrajectory"/>), each with the message's raw score;</item>
/// <item><b>trend</b>, <b>slope</b>, <b>volatility</b>: <see cref="SentimentTrendClassifier"/>;</item>
/// <item><b>shifts</b>: <see cref="SentimentShiftDetector"/>;</item>
/// <item><b>coverage</b>: the share of messages with any lexicon hit, so "neutral" from missing evidence (another
/// language) can be told apart from a neutral tone.</item>
/// <item>Before any of these, words the conversation keeps returning to count less (<see cref="TopicDamping"/>):
/// they are its subject, not its mood.</item>
/// </list>
/// Linear in the total text length; one pass over the messages plus O(n) over the series and the logged word units.
/// </summary>
internal static class SentimentAnalysis
{
    public static SentimentPattern Analyze(ConversationProfile profile, CancellationToken cancellationToken) =>
        Analyze(profile, cancellationToken, out _);

    /// <param name="messageScores">Each message's own score (before smoothing), for key moments and insights.</param>
    public static SentimentPattern Analyze(ConversationProfile profile, CancellationToken cancellationToken, out double[] messageScores)
    {
        int n = profile.MessageCount;
        SentimentLexicon lexicon = SentimentLexicon.Shared;
        var scorer = new MessageSentimentScorer(lexicon);
        var log = new SentimentUnitLog(n);
        var scores = new double[n];
        int covered = 0;
        for (int i = 0; i < n; i++)
        {
            CancellationCadence.ThrowIfDue(i, cancellationToken);
            MessageScore message = scorer.Score(profile.Messages[i].Content, log);
            scores[i] = message.Score;
            covered += message.HasSentiment ? 1 : 0;
        }

        cancellationToken.ThrowIfCancellationRequested();
        TopicDamping.Apply(log, profile, lexicon.FamilyCount, scores);
        var speakerSums = new double[profile.SpeakerCount];
        var speakerCounts = new int[profile.SpeakerCount];
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            total += scores[i];
            speakerSums[profile.SpeakerIds[i]] += scores[i];
            speakerCounts[profile.SpeakerIds[i]]++;
        }

        messageScores = scores;
        int halfWindow = SentimentSmoothing.HalfWindow(n);
        double[] smoothed = SentimentSmoothing.Smooth(scores, halfWindow);
        List<SentimentShift> shifts = SentimentShiftDetector.Detect(smoothed, halfWindow, profile);
        SentimentTrendReading reading = SentimentTrendClassifier.Classify(smoothed, shifts);
        double overall = n == 0 ? 0 : Precision.Round(total / n);

        return new SentimentPattern
        {
            Overall = overall,
            Label = SentimentLabels.Of(overall),
            Trend = reading.Trend,
            Slope = Precision.Round(reading.Slope),
            BySpeaker = profile.ToSpeakerValues(id => speakerCounts[id] == 0 ? null : Precision.Round(speakerSums[id] / speakerCounts[id])),
            Trajectory = Trajectory(profile, scores, smoothed),
            Shifts = shifts,
            Coverage = Precision.Ratio(covered, n),
            Volatility = Precision.Round(reading.Volatility),
        };
    }

    private static SentimentPoint[] Trajectory(ConversationProfile profile, double[] scores, double[] smoothed)
    {
        int[] indices = SentimentTrajectory.Indices(scores.Length);
        var points = new SentimentPoint[indices.Length];
        for (int k = 0; k < indices.Length; k++)
        {
            int index = indices[k];
            points[k] = new SentimentPoint
            {
                Index = index,
                Speaker = profile.Speakers[profile.SpeakerIds[index]],
                Score = Precision.Round(smoothed[index]),
                Raw = Precision.Round(scores[index]),
            };
        }

        return points;
    }
}
