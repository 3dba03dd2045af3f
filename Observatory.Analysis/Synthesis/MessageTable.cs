using Observatory.Analysis.Core;
using Observatory.Analysis.Text;

namespace Observatory.Analysis.Synthesis;

/// <summary>Builds the per-message rows of a result; values of a family the caller did not ask for stay null, as
/// the family itself does.</summary>
internal static class MessageTable
{
    public static IReadOnlyList<MessageRow> Build(FamilyReadings readings, IReadOnlySet<PatternFamily> patterns, CancellationToken cancellationToken)
    {
        var profile = readings.Profile;
        bool withSentiment = patterns.Contains(PatternFamily.Sentiment);
        bool withQuestions = patterns.Contains(PatternFamily.Dialectic);
        MessageQuestions[]? asks = withQuestions ? MessageQuestionReadings.Of(profile, cancellationToken) : null;
        var rows = new MessageRow[profile.MessageCount];
        for (int i = 0; i < rows.Length; i++)
        {
            CancellationCadence.ThrowIfDue(i, cancellationToken);
            int speaker = profile.SpeakerIds[i];
            rows[i] = new MessageRow
            {
                Index = i,
                Speaker = profile.Speakers[speaker],
                Role = profile.SpeakerRoles[speaker],
                Words = profile.WordCounts[i],
                Sentiment = withSentiment ? Precision.Round(readings.MessageSentiment[i]) : null,
                IsQuestion = asks?[i].IsQuestion,
            };
        }

        return rows;
    }
}
