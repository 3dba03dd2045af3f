using Observatory.Analysis;
using Observatory.Analysis.Core;
using Observatory.Analysis.Recursive;

namespace Observatory.Tests.Analysis.Recursive;

/// <summary>Hand-written conversations for the repetition tests, and a shortcut to analyse them.</summary>
internal static class RecursiveChats
{
    public static Conversation Of(params (string Speaker, string Content)[] messages) =>
        new(messages.Select((m, i) => new ConversationMessage(i, m.Speaker, SpeakerRole.Participant, m.Content, null)).ToList());

    public static RecursivePattern Analyze(Conversation conversation) =>
        RecursiveAnalysis.Analyze(ConversationProfile.Build(conversation, CancellationToken.None), CancellationToken.None);

    /// <summary>The user asks for the same thing three times in three polite wordings (adversarial: no shared 3-gram).</summary>
    public static readonly Conversation PoliteRephrasings = Of(
        ("User", "Could you please reset my password?"),
        ("Assistant", "I can look into your account. What seems to be the problem?"),
        ("User", "I'd like to get my password reset, please."),
        ("Assistant", "Have you tried the 'Forgot password' link on the sign-in page?"),
        ("User", "Can my password be reset?"),
        ("Assistant", "For security reasons I cannot change credentials from this chat."));

    /// <summary>The assistant gives the same answer, word for word, three times.</summary>
    public static readonly Conversation AssistantRepeatsItself = Of(
        ("User", "My order hasn't arrived."),
        ("Assistant", "I'm sorry to hear that. Your order is on its way and should arrive within 3-5 business days."),
        ("User", "It's been two weeks already!"),
        ("Assistant", "I'm sorry to hear that. Your order is on its way and should arrive within 3-5 business days."),
        ("User", "That's not helpful. Where is it?"),
        ("Assistant", "I'm sorry to hear that. Your order is on its way and should arrive within 3-5 business days."));

    /// <summary>Each answer opens with the same formula, but the rest of each answer is different.</summary>
    public static readonly Conversation FormulaicOpenings = Of(
        ("Agent", "I understand your frustration with the delayed delivery. Let me check the courier status."),
        ("Customer", "It was supposed to arrive on Monday."),
        ("Agent", "I understand your frustration with the delayed delivery. The courier shows a missed scan in Leeds."),
        ("Customer", "So when will it get here?"),
        ("Agent", "I understand your frustration with the delayed delivery. A new estimate is Thursday afternoon."));

    /// <summary>A sourdough starter mentioned at message 1 comes back at message 15, after other subjects.</summary>
    public static readonly Conversation SourdoughCallback = Of(
        ("Ana", "I finally fed my sourdough starter this morning."),
        ("Ben", "Nice. Did you hear about the council vote on the cycle lanes?"),
        ("Ana", "Yes, the new lanes on Mill Road start construction in June."),
        ("Ben", "Traffic will be awful during construction."),
        ("Ana", "Probably. Are you still training for the half marathon?"),
        ("Ben", "Running four mornings a week, my knees complain."),
        ("Ana", "Stretch after every run and rest on weekends."),
        ("Ben", "Good advice. Did you finish the novel I lent you?"),
        ("Ana", "The ending surprised me; the narrator was lying all along."),
        ("Ben", "Told you! The sequel comes out in autumn."),
        ("Ana", "I'll preorder it. Are you visiting your parents at Easter?"),
        ("Ben", "We're driving up on Friday, hopefully before the traffic."),
        ("Ana", "Safe travels. Bring them some of that lemon cake."),
        ("Ben", "Will do. What are you baking this weekend?"),
        ("Ana", "Bread, if the weather stays warm."),
        ("Ben", "Is your sourdough starter bubbly enough for a loaf yet?"));
}
