using System.Runtime.CompilerServices;
using Observatory.Analysis.Core;

namespace Observatory.Analysis.Text;

/// <summary>
/// <see cref="QuestionDetector.Inspect"/> of every message, computed once per profile: dynamics, dialectic and the
/// per-message rows all ask which messages are questions, and inspecting a message means splitting its sentences.
/// </summary>
internal static class MessageQuestionReadings
{
    private static readonly ConditionalWeakTable<ConversationProfile, MessageQuestions[]> Memo = new();

    public static MessageQuestions[] Of(ConversationProfile profile, CancellationToken cancellationToken)
    {
        if (Memo.TryGetValue(profile, out var cached))
        {
            return cached;
        }

        var readings = new MessageQuestions[profile.MessageCount];
        for (int i = 0; i < readings.Length; i++)
        {
            CancellationCadence.ThrowIfDue(i, cancellationToken);
            readings[i] = QuestionDetector.Inspect(profile.Messages[i].Content);
        }

        return Memo.GetValue(profile, _ => readings);
    }
}
