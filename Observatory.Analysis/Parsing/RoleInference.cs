namespace Observatory.Analysis;

/// <summary>
/// Maps a speaker label or role string to a <see cref="SpeakerRole"/>. Case-insensitive; surrounding whitespace,
/// markdown emphasis and punctuation are ignored.
/// </summary>
/// <remarks>
/// A label is first compared as a whole ("end user", "system prompt"), then word by word, where words are runs of
/// letters or digits ("GPT-4o" → gpt, 4, o; "User1" → user, 1). Word precedence: the explicit word "human" wins
/// (so "Human Agent" is human), then AI words (so "System Assistant" and "Support Bot" are AI — the contract makes
/// "agent" AI), then human words ("Customer 2"), then system words. Anything else is a participant, so a plain name
/// like "Ada" or "Interviewer" stays a participant.
/// </remarks>
public static class RoleInference
{
    private static readonly Dictionary<string, SpeakerRole> WholeLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["participant"] = SpeakerRole.Participant,
        ["end user"] = SpeakerRole.Human,
        // Pronouns only as a whole label ("Me:", "You:" in chat exports); as words they appear in ordinary phrases.
        ["me"] = SpeakerRole.Human,
        ["you"] = SpeakerRole.Human,
        ["system prompt"] = SpeakerRole.System,
        ["system message"] = SpeakerRole.System,
        ["sys"] = SpeakerRole.System,
    };

    private static readonly HashSet<string> AiWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ai", "assistant", "bot", "chatbot", "model", "agent", "llm", "gpt", "chatgpt", "openai", "claude",
        "anthropic", "copilot", "gemini", "bard", "llama", "mistral", "mixtral", "qwen", "deepseek", "phi",
        "grok", "perplexity", "siri", "cortana", "ia",
    };

    private static readonly HashSet<string> HumanWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "human", "user", "enduser", "customer", "client", "caller", "student", "pupil", "learner", "patient",
        "interviewee", "person", "visitor", "guest", "member", "requester", "asker", "questioner",
        "buyer", "consumer", "applicant", "shopper", "subscriber",
    };

    private static readonly HashSet<string> SystemWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "system", "developer",
    };

    public static SpeakerRole FromLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        ReadOnlySpan<char> trimmed = label.AsSpan().Trim().Trim("*_`\"'").Trim();
        if (trimmed.IsEmpty)
        {
            return SpeakerRole.Participant;
        }

        if (WholeLabels.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(trimmed, out SpeakerRole whole))
        {
            return whole;
        }

        bool human = false, ai = false, humanish = false, system = false;
        var aiLookup = AiWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var humanLookup = HumanWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var systemLookup = SystemWords.GetAlternateLookup<ReadOnlySpan<char>>();

        int start = 0;
        while (NextWord(trimmed, ref start, out ReadOnlySpan<char> word))
        {
            if (word.Equals("human", StringComparison.OrdinalIgnoreCase))
            {
                human = true;
            }
            else if (aiLookup.Contains(word))
            {
                ai = true;
            }
            else if (humanLookup.Contains(word))
            {
                humanish = true;
            }
            else if (systemLookup.Contains(word))
            {
                system = true;
            }
        }

        if (human)
        {
            return SpeakerRole.Human;
        }

        if (ai)
        {
            return SpeakerRole.Ai;
        }

        if (humanish)
        {
            return SpeakerRole.Human;
        }

        return system ? SpeakerRole.System : SpeakerRole.Participant;
    }

    /// <summary>True when the label names a role rather than a person, i.e. it always starts a transcript turn.</summary>
    public static bool IsRoleName(string label) => FromLabel(label) != SpeakerRole.Participant;

    /// <summary>Next run of letters or of digits, so "User1" yields "User" then "1".</summary>
    private static bool NextWord(ReadOnlySpan<char> text, ref int position, out ReadOnlySpan<char> word)
    {
        while (position < text.Length && !char.IsLetterOrDigit(text[position]))
        {
            position++;
        }

        if (position >= text.Length)
        {
            word = default;
            return false;
        }

        int start = position;
        bool digits = char.IsDigit(text[position]);
        while (position < text.Length && char.IsLetterOrDigit(text[position]) && char.IsDigit(text[position]) == digits)
        {
            position++;
        }

        word = text[start..position];
        return true;
    }
}
