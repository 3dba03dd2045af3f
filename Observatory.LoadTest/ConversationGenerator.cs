using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Observatory.LoadTest;

/// <summary>
/// Deterministic request bodies: conversation <c>i</c> of seed <c>s</c> is always the same bytes, and different
/// indices give different text (so no cache or idempotency shortcut can flatter the numbers). Bodies are built
/// before the measured phase, so generating them costs the measurement nothing.
/// </summary>
public sealed class ConversationGenerator(int seed, int maxMessages)
{
    private static readonly string[] Speakers = ["Ada", "Ben", "Chloe", "Dmitri"];

    private static readonly string[] Subjects =
    [
        "the team", "our customer", "the new release", "this approach", "the budget", "my manager", "the data",
        "the migration", "everyone", "the prototype", "that meeting", "the schedule", "we", "I", "the contract",
    ];

    private static readonly string[] Verbs =
    [
        "needs", "changed", "improved", "delayed", "supports", "questioned", "explained", "missed", "solved",
        "depends on", "compared", "rejected", "accepted", "measured", "reviewed", "worried about", "agreed with",
    ];

    private static readonly string[] Objects =
    [
        "the deadline", "a better plan", "the latency numbers", "the onboarding flow", "that assumption",
        "the test results", "a second opinion", "the error rate", "the pricing model", "our priorities",
        "the backlog", "a simpler option", "the feedback", "the architecture", "the trade-off",
    ];

    private static readonly string[] Openers = ["Honestly,", "Well,", "I think", "Actually,", "So", "Right,", "Look,", "OK,"];

    private static readonly string[] QuestionStarts = ["Why did", "When will", "Do you think", "What if", "Could", "Should", "Is it true that"];

    private static readonly DateTimeOffset Start = new(2025, 5, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The JSON body <c>{"messages":[…]}</c> of conversation <paramref name="index"/>.</summary>
    public byte[] Body(int index)
    {
        var random = new Random(HashCode.Combine(seed, index));
        int count = Math.Max(1, maxMessages - random.Next(3)); // K-2..K
        int speakerCount = 2 + random.Next(3);
        var buffer = new MemoryStream(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("messages");
            DateTimeOffset time = Start.AddMinutes(index % 10_000);
            int speaker = random.Next(speakerCount);
            for (int m = 0; m < count; m++)
            {
                speaker = random.Next(4) == 0 ? random.Next(speakerCount) : (speaker + 1) % speakerCount;
                time = time.AddSeconds(2 + random.Next(90));
                json.WriteStartObject();
                json.WriteString("speaker", Speakers[speaker]);
                json.WriteString("content", Text(random, 8 + random.Next(23)));
                json.WriteString("timestamp", time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public byte[][] Bodies(int startIndex, int count)
    {
        var bodies = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            bodies[i] = Body(startIndex + i);
        }

        return bodies;
    }

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

            int start = builder.Length;
            bool question = random.Next(4) == 0;
            if (question)
            {
                builder.Append(Pick(random, QuestionStarts)).Append(' ');
            }
            else if (random.Next(3) == 0)
            {
                builder.Append(Pick(random, Openers)).Append(' ');
            }

            builder.Append(Pick(random, Subjects)).Append(' ').Append(Pick(random, Verbs)).Append(' ').Append(Pick(random, Objects));
            builder[start] = char.ToUpperInvariant(builder[start]);
            builder.Append(question ? '?' : '.');
            for (int i = start; i < builder.Length; i++)
            {
                if (builder[i] == ' ')
                {
                    written++;
                }
            }

            written++;
        }

        return builder.ToString();
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
