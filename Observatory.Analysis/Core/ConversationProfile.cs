using Observatory.Analysis.Text;

namespace Observatory.Analysis.Core;

/// <summary>
/// Facts every analysis stage needs, computed once per conversation: a dense id per speaker (in order of first
/// appearance) and the word count of each message. Stages index arrays by these ids instead of hashing names.
/// </summary>
internal sealed class ConversationProfile
{
    private ConversationProfile(
        IReadOnlyList<ConversationMessage> messages,
        int[] speakerIds,
        int[] wordCounts,
        IReadOnlyList<string> speakers,
        IReadOnlyList<SpeakerRole> speakerRoles)
    {
        Messages = messages;
        SpeakerIds = speakerIds;
        WordCounts = wordCounts;
        Speakers = speakers;
        SpeakerRoles = speakerRoles;
    }

    public IReadOnlyList<ConversationMessage> Messages { get; }

    /// <summary>Speaker id of each message; ids index <see cref="Speakers"/>.</summary>
    public int[] SpeakerIds { get; }

    public int[] WordCounts { get; }

    /// <summary>Speaker names in order of first appearance.</summary>
    public IReadOnlyList<string> Speakers { get; }

    /// <summary>The role of each speaker's first message.</summary>
    public IReadOnlyList<SpeakerRole> SpeakerRoles { get; }

    public int MessageCount => SpeakerIds.Length;

    public int SpeakerCount => Speakers.Count;

    public static ConversationProfile Build(Conversation conversation, CancellationToken cancellationToken)
    {
        IReadOnlyList<ConversationMessage> messages = conversation.Messages;
        var speakerIds = new int[messages.Count];
        var wordCounts = new int[messages.Count];
        var idsByName = new Dictionary<string, int>(StringComparer.Ordinal);
        var speakers = new List<string>();
        var roles = new List<SpeakerRole>();

        for (int i = 0; i < messages.Count; i++)
        {
            CancellationCadence.ThrowIfDue(i, cancellationToken);
            ConversationMessage message = messages[i];
            if (!idsByName.TryGetValue(message.Speaker, out int id))
            {
                id = speakers.Count;
                idsByName.Add(message.Speaker, id);
                speakers.Add(message.Speaker);
                roles.Add(message.Role);
            }

            speakerIds[i] = id;
            wordCounts[i] = WordCounter.Count(message.Content);
        }

        return new ConversationProfile(messages, speakerIds, wordCounts, speakers, roles);
    }

    /// <summary>A per-speaker array of numbers as an ordered <see cref="SpeakerValues"/>, skipping speakers without a value.</summary>
    public SpeakerValues ToSpeakerValues(Func<int, double?> valueOfSpeaker)
    {
        var entries = new List<KeyValuePair<string, double>>(SpeakerCount);
        for (int id = 0; id < SpeakerCount; id++)
        {
            if (valueOfSpeaker(id) is { } value)
            {
                entries.Add(new KeyValuePair<string, double>(Speakers[id], value));
            }
        }

        return new SpeakerValues(entries);
    }
}
