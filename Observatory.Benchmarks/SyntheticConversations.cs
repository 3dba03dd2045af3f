using System.Globalization;
using System.Text;
using Observatory.Analysis;

namespace Observatory.Benchmarks;

/// <summary>
/// Deterministic synthetic conversations for the benchmarks: a seeded <see cref="Random"/>, English-looking sentences
/// built from a small vocabulary, questions sprinkled in, 2–4 speakers taking turns irregularly, and timestamps that
/// advance by a few seconds to a few minutes per turn. The same arguments always give the same text.
/// </summary>
public static class SyntheticConversations
{
    private static readonly string[] Speakers = ["Ada", "Ben", "Chloe", "Dmitri"];

    private static readonly string[] Subjects =
    [
        "the team", "our customer", "the new release", "this approach", "the budget", "my manager", "the data",
        "the migration", "everyone", "the prototype", "that meeting", "the schedule", "the support queue", "we", "I",
        "the design review", "the contract", "the research group",
    ];

    private static readonly string[] Verbs =
    [
        "needs", "changed", "improved", "delayed", "supports", "questioned", "explained", "missed", "solved",
        "depends on", "compared", "rejected", "accepted", "measured", "reviewed", "worried about", "agreed with",
        "pushed back on",
    ];

    private static readonly string[] Objects =
    [
        "the deadline", "a better plan", "the latency numbers", "the onboarding flow", "that assumption",
        "the test results", "a second opinion", "the error rate", "the pricing model", "our priorities",
        "the quarterly goals", "the interview notes", "the backlog", "a simpler option", "the feedback",
        "the architecture", "the risk", "the trade-off",
    ];

    private static readonly string[] Modifiers =
    [
        "last week", "again", "without much warning", "more carefully than before", "in the end", "for now",
        "after the review", "quite honestly", "at least twice", "before Friday", "to be fair", "in practice",
    ];

    private static readonly string[] Openers =
    [
        "Honestly,", "Well,", "I think", "To be clear,", "Actually,", "So", "Right,", "Frankly,", "I guess",
        "As far as I know,", "Look,", "OK,",
    ];

    private static readonly string[] QuestionStarts =
    [
        "Why did", "How often does", "When will", "Do you think", "What if", "Could", "Should", "Who decided that",
        "Where does", "Is it true that",
    ];

    private static readonly DateTimeOffset Start = new(2025, 5, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Messages of about <paramref name="wordsPerMessage"/> words each, with speaker and timestamp.</summary>
    public static IReadOnlyList<RawMessage> Messages(int count, int wordsPerMessage = 40, int seed = 42)
    {
        var random = new Random(seed);
        int speakerCount = 2 + random.Next(3); // 2..4
        var messages = new List<RawMessage>(count);
        DateTimeOffset time = Start;
        int speaker = 0;
        for (int i = 0; i < count; i++)
        {
            speaker = NextSpeaker(random, speaker, speakerCount);
            time = time.AddSeconds(3 + random.Next(180));
            messages.Add(new RawMessage(Speakers[speaker], null, Text(random, wordsPerMessage), time));
        }

        return messages;
    }

    /// <summary>A normalized conversation of <paramref name="count"/> messages.</summary>
    public static Conversation Conversation(int count, int wordsPerMessage = 40, int seed = 42) =>
        ConversationNormalizer.FromMessages(Messages(count, wordsPerMessage, seed));

    /// <summary>
    /// A plain-text transcript of <paramref name="turns"/> turns: "2025-05-01 09:00:03 Ada: …", with one in five
    /// turns running over two lines and a blank line between turns.
    /// </summary>
    public static string Transcript(int turns, int wordsPerMessage = 40, int seed = 42)
    {
        var random = new Random(seed);
        int speakerCount = 2 + random.Next(3);
        var builder = new StringBuilder(turns * (wordsPerMessage * 7 + 40));
        DateTimeOffset time = Start;
        int speaker = 0;
        for (int i = 0; i < turns; i++)
        {
            speaker = NextSpeaker(random, speaker, speakerCount);
            time = time.AddSeconds(3 + random.Next(180));
            builder.Append(time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
                .Append(' ').Append(Speakers[speaker]).Append(": ");
            string text = Text(random, wordsPerMessage);
            if (random.Next(5) == 0)
            {
                int cut = text.IndexOf(". ", text.Length / 2, StringComparison.Ordinal);
                if (cut > 0)
                {
                    text = string.Concat(text.AsSpan(0, cut + 1), "\n", text.AsSpan(cut + 2));
                }
            }

            builder.Append(text).Append("\n\n");
        }

        return builder.ToString();
    }

    private static int NextSpeaker(Random random, int current, int speakerCount)
    {
        // Mostly alternate, sometimes the same speaker continues, sometimes someone else jumps in.
        int roll = random.Next(10);
        if (roll == 0)
        {
            return current;
        }

        return roll < 7 ? (current + 1) % speakerCount : random.Next(speakerCount);
    }

    /// <summary>Sentences until about <paramref name="words"/> words; roughly one sentence in four is a question.</summary>
    private static string Text(Random random, int words)
    {
        var builder = new StringBuilder(words * 7);
        int written = 0;
        while (written < words)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            written += random.Next(4) == 0 ? Question(random, builder) : Statement(random, builder);
        }

        return builder.ToString();
    }

    private static int Statement(Random random, StringBuilder builder)
    {
        int start = builder.Length;
        if (random.Next(3) == 0)
        {
            builder.Append(Pick(random, Openers)).Append(' ');
        }

        builder.Append(Pick(random, Subjects)).Append(' ').Append(Pick(random, Verbs)).Append(' ').Append(Pick(random, Objects));
        if (random.Next(2) == 0)
        {
            builder.Append(' ').Append(Pick(random, Modifiers));
        }

        builder[start] = char.ToUpperInvariant(builder[start]);
        builder.Append('.');
        return CountWords(builder, start);
    }

    private static int Question(Random random, StringBuilder builder)
    {
        int start = builder.Length;
        builder.Append(Pick(random, QuestionStarts)).Append(' ').Append(Pick(random, Subjects)).Append(' ')
            .Append(Pick(random, Verbs)).Append(' ').Append(Pick(random, Objects)).Append('?');
        return CountWords(builder, start);
    }

    private static int CountWords(StringBuilder builder, int start)
    {
        int words = 1;
        for (int i = start; i < builder.Length; i++)
        {
            if (builder[i] == ' ')
            {
                words++;
            }
        }

        return words;
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
