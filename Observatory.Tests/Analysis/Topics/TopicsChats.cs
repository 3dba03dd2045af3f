using Observatory.Analysis;
using Observatory.Analysis.Core;
using Observatory.Analysis.Topics;

namespace Observatory.Tests.Analysis.Topics;

/// <summary>Hand-written conversations for the topics tests, and a shortcut to analyse them.</summary>
internal static class TopicsChats
{
    public static Conversation Of(params (string Speaker, string Content)[] messages) =>
        new(messages.Select((m, i) => new ConversationMessage(i, m.Speaker, SpeakerRole.Participant, m.Content, null)).ToList());

    public static TopicsPattern Analyze(Conversation conversation) =>
        TopicsAnalysis.Analyze(ConversationProfile.Build(conversation, CancellationToken.None), CancellationToken.None);

    /// <summary>Cooking (0–3), then tax filing (4–7), then back to the same dinner (8–11).</summary>
    public static readonly Conversation CookingTaxCooking = Of(
        ("Ada", "I'm making pasta tonight. What sauce goes well with fresh basil and garlic?"),
        ("Bot", "A simple tomato sauce works: sauté the garlic in olive oil, add crushed tomatoes, simmer, then tear in the basil."),
        ("Ada", "How long should the tomato sauce simmer before I add the pasta?"),
        ("Bot", "About twenty minutes. Cook the pasta until al dente and toss it in the sauce with a splash of pasta water."),
        ("Ada", "Different subject: my tax return is due next week and I haven't filed yet."),
        ("Bot", "You can still file on time. Gather your income statements, receipts for deductions and last year's tax return."),
        ("Ada", "Can I deduct my home office on the tax return?"),
        ("Bot", "If the office is used only for work, you can claim a home office deduction on your return."),
        ("Ada", "Back to dinner: should I add parmesan to the pasta sauce?"),
        ("Bot", "Yes, grate parmesan over the pasta at the end; stirring it into the simmering sauce can make it grainy."),
        ("Ada", "Should I add more garlic and basil too?"),
        ("Bot", "A little more basil at the end keeps the sauce fresh; extra garlic is fine if you sauté it first."));

    /// <summary>Twenty messages about one trip: many different words, one subject.</summary>
    public static readonly Conversation JapanTrip = Of(
        ("Mia", "We're planning two weeks in Japan next spring. Where should we start?"),
        ("Guide", "Most people fly into Tokyo. Spend four or five days there, then take the shinkansen to Kyoto."),
        ("Mia", "Is the rail pass worth buying for that route?"),
        ("Guide", "If you also visit Hiroshima or Osaka, the rail pass usually pays for itself."),
        ("Mia", "What about cherry blossoms? When do they bloom in Kyoto?"),
        ("Guide", "Usually late March to early April; Kyoto's temples are crowded then, so book hotels early."),
        ("Mia", "Should we stay in a ryokan at least once?"),
        ("Guide", "Yes, a night in a ryokan with a kaiseki dinner and an onsen is memorable. Hakone is a good place for it."),
        ("Mia", "How do we get from Hakone back to Tokyo for the flight home?"),
        ("Guide", "The Romancecar train runs from Hakone-Yumoto to Shinjuku in about ninety minutes."),
        ("Mia", "And money: do shops in Japan take cards or should we carry cash?"),
        ("Guide", "Cities take cards widely now, but carry some yen cash for small temples, shrines and rural restaurants."),
        ("Mia", "Any etiquette we should know before visiting temples and shrines?"),
        ("Guide", "Bow slightly, wash your hands at the basin, and avoid photographing inside the halls where signs forbid it."),
        ("Mia", "Is it easy to get around Tokyo without speaking Japanese?"),
        ("Guide", "Very easy: subway signs are in English, and station staff are used to helping visitors."),
        ("Mia", "What food should we not miss in Osaka?"),
        ("Guide", "Takoyaki and okonomiyaki in Dotonbori, and kushikatsu in Shinsekai."),
        ("Mia", "Great, and one last thing: do we need a visa?"),
        ("Guide", "Many passports get visa-free entry for short stays; check the embassy website for yours."));
}
