using System.Text;
using Observatory.Analysis;
using Observatory.Analysis.Text;

namespace Observatory.Tests.Analysis.Dialectic;

public class DialecticPropertyTests
{
    private static readonly string[] Fragments =
    [
        "How do I", "could you", "I wonder whether", "why not", "I disagree", "you're right", "but", "so overall",
        "I mean", "both", "and", "?", ".", "!", ",", "\n", " ", "؟", "？", "’", "'", "😀", "👨‍👩‍👧", "\u200B", "\uD800",
        "\uDC00", "e.g.", "3.14", "—", "is", "the server", "isn't it", "refund", "my order", "sorry to hear", "ticket",
        "für", "是吗", "مرحبا", "…", "(", ")", "\"", "`",
    ];

    private static Conversation RandomConversation(Random random)
    {
        int count = random.Next(1, 30);
        var messages = new List<ConversationMessage>(count);
        for (int i = 0; i < count; i++)
        {
            var content = new StringBuilder();
            int parts = random.Next(0, 25);
            for (int p = 0; p < parts; p++)
            {
                content.Append(random.Next(4) == 0 ? ((char)random.Next(0, 0xFFFF)).ToString() : Fragments[random.Next(Fragments.Length)]);
                content.Append(random.Next(3) == 0 ? "" : " ");
            }

            string speaker = random.Next(3) switch { 0 => "User", 1 => "Assistant", _ => "Cy" };
            messages.Add(new ConversationMessage(i, speaker, RoleInference.FromLabel(speaker), content.ToString(), null));
        }

        return new Conversation(messages);
    }

    [Fact]
    public void Random_conversations_never_throw_and_stay_in_range()
    {
        var random = new Random(20250501);
        for (int run = 0; run < 300; run++)
        {
            Conversation conversation = RandomConversation(random);
            int n = conversation.Messages.Count;
            DialecticPattern dialectic = DialecticAnalysisTests.Analyze(conversation);

            Assert.InRange(dialectic.Questions, 0, n);
            Assert.InRange(dialectic.Answered, 0, dialectic.Questions);
            Assert.InRange(dialectic.AnsweredRatio, 0, 1);
            Assert.Equal(dialectic.Questions - dialectic.Answered, dialectic.Unanswered.Count);
            Assert.All(dialectic.Unanswered, i => Assert.InRange(i, 0, n - 1));
            Assert.All(dialectic.Exchanges, e =>
            {
                Assert.InRange(e.QuestionIndex, 0, n - 2);
                Assert.InRange(e.AnswerIndex, e.QuestionIndex + 1, n - 1);
                Assert.True(e.Question.Length <= 160 && e.Answer.Length <= 160);
            });
            Assert.Equal(dialectic.ByMessage.Count,
                dialectic.Moves.Claim + dialectic.Moves.Challenge + dialectic.Moves.Concession + dialectic.Moves.Clarification + dialectic.Moves.Synthesis);
            Assert.Equal(dialectic.ByMessage.Select(m => m.Index).Order(), dialectic.ByMessage.Select(m => m.Index));
            Assert.Contains(dialectic.Structure, new[] { "monologue", "support", "debate", "socratic", "tutorial", "interview", "casual" });
            Assert.Equal(
                conversation.Messages.Count(m => QuestionDetector.IsQuestion(m.Content)),
                dialectic.Questions);
        }
    }
}
