using Observatory.Analysis;

namespace Observatory.Tests.Analysis.Topics;

/// <summary>
/// Seeded random conversations of 1–400 messages mixing English words, repeats, URLs, e-mails, numbers, emoji, other
/// scripts, empty messages and very long tokens — for invariant tests. The same seed always gives the same set.
/// </summary>
internal static class MessyConversations
{
    private static readonly string[] Pieces =
    [
        "refund", "order", "password", "reset", "please", "the", "and", "could", "you", "pasta", "sauce", "tax",
        "return", "deadline", "😂", "👍🎉", "https://example.com/a?b=c", "ada@example.com", "42", "10:30", "Привет",
        "密码", "مرحبا", "naïve", "e-mail", "follow-up", "GPT-4's", "it's", "OK", "yeah", "!!!", "...", "—",
        new string('x', 80), "I'd", "like", "get", "my", "reset", "sourdough", "starter", "budget", "meeting",
    ];

    public static IEnumerable<Conversation> Generate(int count, int seed)
    {
        var random = new Random(seed);
        for (int c = 0; c < count; c++)
        {
            int length = c % 10 == 0 ? 1 + random.Next(3) : 1 + random.Next(400);
            var messages = new List<ConversationMessage>(length);
            string? previous = null;
            for (int i = 0; i < length; i++)
            {
                string content = previous is not null && random.Next(6) == 0
                    ? previous
                    : string.Join(' ', Enumerable.Range(0, random.Next(25)).Select(_ => Pieces[random.Next(Pieces.Length)]));
                messages.Add(new ConversationMessage(i, "S" + random.Next(3), SpeakerRole.Participant, content, null));
                previous = content;
            }

            yield return new Conversation(messages);
        }
    }
}
