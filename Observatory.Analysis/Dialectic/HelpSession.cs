using System.Collections.Frozen;
using Observatory.Analysis.Core;

namespace Observatory.Analysis.Dialectic;

/// <summary>
/// Recognises a conversation in which one speaker helps another — a support session or a tutorial — from who the
/// speakers are (an AI, names such as "Agent", "Customer", "Tutor", "Student") and what they say (the client's
/// problem or learning words, the helper's service or how-to words). See <see cref="StructureClassifier"/>.
/// </summary>
/// <remarks>
/// The helper is the speaker with the strongest helper evidence: an AI role or a helper name counts 2 each, plus
/// their service words; a speaker is only a candidate with an AI role, a helper name, or service language at least
/// twice. The client is the non-AI speaker other than the helper with the most messages (ties: the earliest).
/// Names are matched word by word ("Support Bot", "Customer 2", "Flat 2B" has none). Deciding between the two:
/// names when only one kind is present ("Customer"/"Agent" → support, "Student"/"Tutor" → tutorial); else the
/// client's need — more problem words than learning words is support, more learning words is tutorial (each when
/// its evidence suffices); else the helper's offer — service language at least twice and no less than how-to words
/// is support; else whichever evidence suffices, tutorial first. A label needs at least two pieces of evidence (a name counts two); otherwise the conversation is not
/// labelled a help session and the question-led rules decide.
/// </remarks>
internal static class HelpSession
{
    /// <summary>Each kind of evidence must reach this before it labels the conversation.</summary>
    private const int MinEvidence = 2;

    /// <summary>A name or role is worth this many cue words.</summary>
    private const int NameWeight = 2;

    private static readonly FrozenSet<string> SupportHelperNames = Set(
        "agent", "support", "service", "helpdesk", "desk", "rep", "representative", "operator", "advisor", "adviser",
        "technician", "tech", "concierge", "care", "helpline", "hotline");

    private static readonly FrozenSet<string> SupportClientNames = Set(
        "customer", "caller", "client", "buyer", "shopper", "subscriber", "account", "holder");

    private static readonly FrozenSet<string> TeachingHelperNames = Set(
        "tutor", "teacher", "instructor", "coach", "professor", "prof", "mentor", "trainer", "lecturer", "teaching");

    private static readonly FrozenSet<string> TeachingClientNames = Set(
        "student", "learner", "pupil", "trainee", "apprentice", "mentee");

    private static readonly FrozenSet<string> GenericHelperNames = Set("assistant", "bot", "ai", "helper", "chatbot");

    [Flags]
    private enum NameKind
    {
        None = 0,
        SupportHelper = 1,
        SupportClient = 1 << 1,
        TeachingHelper = 1 << 2,
        TeachingClient = 1 << 3,
        GenericHelper = 1 << 4,
        Helper = SupportHelper | TeachingHelper | GenericHelper,
    }

    /// <summary><c>support</c>, <c>tutorial</c>, or null when the conversation is not a help session.</summary>
    public static string? Classify(ConversationProfile profile, int[] messages, SpeakerCues[] cues)
    {
        int speakers = profile.SpeakerCount;
        var names = new NameKind[speakers];
        int helper = -1, helperScore = 0;
        for (int s = 0; s < speakers; s++)
        {
            names[s] = KindOfName(profile.Speakers[s]);
            bool ai = profile.SpeakerRoles[s] == SpeakerRole.Ai;
            bool named = (names[s] & NameKind.Helper) != 0;
            if (!ai && !named && cues[s].Service < MinEvidence)
            {
                continue;
            }

            int score = (ai ? NameWeight : 0) + (named ? NameWeight : 0) + cues[s].Service;
            if (score > helperScore)
            {
                helper = s;
                helperScore = score;
            }
        }

        int client = -1;
        for (int s = 0; s < speakers; s++)
        {
            if (s != helper && profile.SpeakerRoles[s] != SpeakerRole.Ai && (client < 0 || messages[s] > messages[client]))
            {
                client = s;
            }
        }

        if (helper < 0 || client < 0)
        {
            return null;
        }

        return Decide(names[helper] | names[client], cues[client], cues[helper]);
    }

    /// <summary>Names decide when only one kind is present; then what the client needs (a problem or to learn);
    /// then what the helper offers (service or how-to words). Each label needs <see cref="MinEvidence"/> cue words
    /// (a name counts <see cref="NameWeight"/>).</summary>
    private static string? Decide(NameKind names, SpeakerCues client, SpeakerCues helper)
    {
        bool supportNames = (names & (NameKind.SupportHelper | NameKind.SupportClient)) != 0;
        bool teachingNames = (names & (NameKind.TeachingHelper | NameKind.TeachingClient)) != 0;
        int support = client.Problem + helper.Service + (supportNames ? NameWeight : 0);
        int teaching = client.Learning + helper.Instruction + (teachingNames ? NameWeight : 0);
        if (supportNames != teachingNames)
        {
            return supportNames ? StructureClassifier.Support : StructureClassifier.Tutorial;
        }

        if (client.Problem > client.Learning && support >= MinEvidence)
        {
            return StructureClassifier.Support;
        }

        if (client.Learning > client.Problem && teaching >= MinEvidence)
        {
            return StructureClassifier.Tutorial;
        }

        if (helper.Service >= MinEvidence && helper.Service >= helper.Instruction)
        {
            return StructureClassifier.Support;
        }

        if (teaching < MinEvidence && support >= MinEvidence)
        {
            return StructureClassifier.Support;
        }

        return teaching >= MinEvidence ? StructureClassifier.Tutorial : null;
    }

    private static NameKind KindOfName(string name)
    {
        NameKind kind = NameKind.None;
        Span<char> lower = stackalloc char[32];
        int i = 0;
        while (i < name.Length)
        {
            if (!char.IsLetter(name[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < name.Length && char.IsLetter(name[i]))
            {
                i++;
            }

            ReadOnlySpan<char> word = name.AsSpan(start, i - start);
            if (word.Length > lower.Length)
            {
                continue;
            }

            int length = word.ToLowerInvariant(lower);
            ReadOnlySpan<char> key = lower[..length];
            kind |= Has(SupportHelperNames, key) ? NameKind.SupportHelper : NameKind.None;
            kind |= Has(SupportClientNames, key) ? NameKind.SupportClient : NameKind.None;
            kind |= Has(TeachingHelperNames, key) ? NameKind.TeachingHelper : NameKind.None;
            kind |= Has(TeachingClientNames, key) ? NameKind.TeachingClient : NameKind.None;
            kind |= Has(GenericHelperNames, key) ? NameKind.GenericHelper : NameKind.None;
        }

        return kind;
    }

    private static bool Has(FrozenSet<string> set, ReadOnlySpan<char> word) =>
        set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
