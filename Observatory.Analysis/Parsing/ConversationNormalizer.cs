using Observatory.Analysis.Text;
namespace Observatory.Analysis;

/// <summary>Turns the "messages" input form into a <see cref="Conversation"/>.</summary>
public static class ConversationNormalizer
{
    /// <summary>Speaker name used when a message names neither a speaker nor a role.</summary>
    public const string UnknownSpeaker = "Unknown";

    /// <summary>
    /// Skips messages without text, numbers the rest from 0, fills in speaker and role, trims only the outer
    /// whitespace of the content (the text itself is never interpreted) and converts timestamps to UTC.
    /// </summary>
    /// <remarks>
    /// Speaker: the given speaker, else the role string as given ("user"), else <see cref="UnknownSpeaker"/>.
    /// Role: from the role string when one is given (an explicit role wins over the speaker's name), else inferred
    /// from the speaker's name.
    /// </remarks>
    public static Conversation FromMessages(IReadOnlyList<RawMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);

        var normalized = new List<ConversationMessage>(messages.Count);
        foreach (RawMessage raw in messages)
        {
            if (raw is null || string.IsNullOrWhiteSpace(raw.Content))
            {
                continue;
            }

            string? speaker = NullIfBlank(raw.Speaker);
            string? role = NullIfBlank(raw.Role);
            string name = speaker ?? role ?? UnknownSpeaker;
            SpeakerRole speakerRole = role is not null ? RoleInference.FromLabel(role)
                : speaker is not null ? RoleInference.FromLabel(speaker)
                : SpeakerRole.Participant;

            normalized.Add(new ConversationMessage(
                normalized.Count,
                LoneSurrogates.Replace(name),
                speakerRole,
                LoneSurrogates.Replace(raw.Content.Trim()),
                raw.Timestamp?.ToUniversalTime()));
        }

        return new Conversation(normalized);
    }

    private static string? NullIfBlank(string? value)
    {
        if (value is null)
        {
            return null;
        }

        string trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
