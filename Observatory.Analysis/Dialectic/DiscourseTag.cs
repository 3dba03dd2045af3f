namespace Observatory.Analysis.Dialectic;

/// <summary>What a marker phrase signals. A phrase may carry several tags ("but": contrast, and a challenge when it
/// opens a sentence).</summary>
[Flags]
internal enum DiscourseTag
{
    None = 0,
    Claim = 1,
    Challenge = 1 << 1,
    Concession = 1 << 2,
    Clarification = 1 << 3,
    Synthesis = 1 << 4,

    /// <summary>"but", "however", "yet": a challenge when it opens a sentence of a reply.</summary>
    ChallengeAtSentenceStart = 1 << 5,

    /// <summary>"but", "however", "though": after a concession it turns "you're right, but…" into a challenge.</summary>
    Contrast = 1 << 6,

    /// <summary>Negators that cancel a following concession or claim ("not a fair point").</summary>
    Negator = 1 << 7,

    /// <summary>"both" and "and": the "both X and Y" synthesis frame.</summary>
    Both = 1 << 8,
    And = 1 << 9,

    /// <summary>Questions that steer toward an answer ("isn't it", "wouldn't you agree"): Socratic questioning.</summary>
    Leading = 1 << 10,

    /// <summary>A customer's problem report ("not working", "my order", "refund").</summary>
    Problem = 1 << 11,

    /// <summary>An agent's service language ("sorry for the inconvenience", "please try", "ticket").</summary>
    Service = 1 << 12,

    /// <summary>Explanatory language ("for example", "this means", "because").</summary>
    Explanation = 1 << 13,

    /// <summary>First-person words ("I", "my", "we"): personal narrative, typical of interview answers.</summary>
    FirstPerson = 1 << 14,

    /// <summary>Verbs that make a copular generalisation a claim: "X is Y", "X should Y".</summary>
    Copula = 1 << 15,

    /// <summary>Words that cannot open a claim-by-copula sentence (pronouns, fillers, wh-words, auxiliaries).</summary>
    NotClaimSubject = 1 << 16,

    /// <summary>Words that may stand between a negator and what it negates ("not a fair point", "not really true").</summary>
    Intensifier = 1 << 17,

    /// <summary>"you're (being)", "you sound": with a <see cref="NegativeTrait"/> right after, an accusation.</summary>
    YouAre = 1 << 18,

    /// <summary>"unfair", "defensive", "ridiculous": what an accusation calls the other.</summary>
    NegativeTrait = 1 << 19,

    /// <summary>"you said", "as you first said": the other's own words brought back (a challenge in a question).</summary>
    QuotesOther = 1 << 20,

    /// <summary>How-to guidance ("click", "let's", "first", "try"): a helper walking someone through a task.</summary>
    Instruction = 1 << 21,

    /// <summary>A learner's words ("I don't get", "how do I", "I get it now").</summary>
    Learning = 1 << 22,
}
