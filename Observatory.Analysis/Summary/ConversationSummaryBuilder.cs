using Observatory.Analysis.Core;
using Observatory.Analysis.Text;

namespace Observatory.Analysis.Summary;

/// <summary>Builds <c>conversation</c>: message count, participants with their word shares, and the time span.</summary>
internal static class ConversationSummaryBuilder
{
    public static ConversationSummary Build(ConversationProfile profile, CancellationToken cancellationToken)
    {
        var messagesBySpeaker = new int[profile.SpeakerCount];
        var wordsBySpeaker = new int[profile.SpeakerCount];
        long totalWords = 0;
        DateTimeOffset? startedAt = null;
        DateTimeOffset? endedAt = null;

        for (int i = 0; i < profile.MessageCount; i++)
        {
            CancellationCadence.ThrowIfDue(i, cancellationToken);
            int speaker = profile.SpeakerIds[i];
            messagesBySpeaker[speaker]++;
            wordsBySpeaker[speaker] += profile.WordCounts[i];
            totalWords += profile.WordCounts[i];

            if (profile.Messages[i].Timestamp is { } timestamp)
            {
                if (startedAt is null || timestamp < startedAt)
                {
                    startedAt = timestamp;
                }

                if (endedAt is null || timestamp > endedAt)
                {
                    endedAt = timestamp;
                }
            }
        }

        var participants = new ParticipantSummary[profile.SpeakerCount];
        for (int id = 0; id < participants.Length; id++)
        {
            participants[id] = new ParticipantSummary
            {
                Speaker = profile.Speakers[id],
                Role = profile.SpeakerRoles[id],
                Messages = messagesBySpeaker[id],
                Words = wordsBySpeaker[id],
                Share = Precision.Ratio(wordsBySpeaker[id], totalWords),
            };
        }

        return new ConversationSummary
        {
            Messages = profile.MessageCount,
            Participants = participants,
            StartedAt = startedAt?.ToUniversalTime(),
            EndedAt = endedAt?.ToUniversalTime(),
            DurationSeconds = startedAt is { } start && endedAt is { } end ? Precision.Round((end - start).TotalSeconds) : null,
        };
    }
}
