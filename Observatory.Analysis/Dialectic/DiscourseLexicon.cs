namespace Observatory.Analysis.Dialectic;

/// <summary>
/// The marker phrases behind discourse moves, structure cues and claims, compiled once into a
/// <see cref="PhraseMatcher"/>. English only: other languages simply produce no markers (and a "casual" label).
/// Phrases are written lower-case with straight apostrophes; common apostrophe-less spellings ("youre", "dont") are
/// added automatically where they cannot be confused with another word ("were", "well", "its" are not).
/// </summary>
internal static class DiscourseLexicon
{
    private static readonly string[] Claim =
    [
        "i think", "i believe", "i'd argue", "i would argue", "i argue", "in my view", "in my opinion", "my view is",
        "my position is", "the answer is", "the point is", "the truth is", "the fact is", "the reality is",
        "it's clear that", "it is clear that", "clearly", "obviously", "undoubtedly", "certainly", "i'm convinced",
        "i am convinced", "i'm sure", "i am sure", "i'd say", "i would say", "i maintain", "i contend", "my point is",
        "the key is", "the problem is", "the reason is", "evidence shows", "studies show", "research shows",
        "it's true that", "there's no doubt", "without a doubt", "imo", "imho", "i reckon", "i feel that",
        "the main issue is", "what matters is", "the bottom line is", "i honestly think", "i really think",
        "i genuinely think", "i do think", "i still think", "i strongly believe", "i really believe", "i firmly believe",
        "i'd suggest", "i would suggest", "my take is", "my guess is", "i suspect", "i'm confident", "i am confident",
    ];

    private static readonly string[] Challenge =
    [
        "that's not right", "that is not right", "that's not true", "that is not true", "that's wrong",
        "that is wrong", "you're wrong", "you are wrong", "i disagree", "i don't agree", "i do not agree",
        "are you sure", "actually no", "not really", "not necessarily", "i doubt", "i'm not convinced",
        "i am not convinced", "that doesn't follow", "that does not follow", "on the contrary", "that's incorrect",
        "that is incorrect", "nonsense", "i don't think so", "i don't buy", "that's a stretch", "not quite",
        "i'd push back", "i would push back", "push back on", "counterpoint", "except that", "that's not what",
        "that ignores", "you're missing", "you are missing", "you're ignoring", "you are ignoring", "that can't be",
        "that cannot be", "how can you say", "i don't see how", "that misses", "not so fast", "i object",
        "that's not the case", "that is not the case", "on the other hand", "that's misleading", "that's unfair",
        "i beg to differ", "not at all",
        // Rejecting the other's framing or tone: "That's not fair", "Don't lecture me", "That is NOT the same thing".
        "that's not fair", "that is not fair", "that isn't fair", "that's hardly fair", "not fair", "don't lecture me",
        "do not lecture me", "stop lecturing", "don't tell me what", "who are you to", "not the same thing",
        "isn't the same thing", "not the same as", "that's a different thing", "that's not the point",
        "that is not the point", "that's beside the point", "i didn't say", "i did not say", "i never said",
        "that's not what i said", "you're twisting", "you are twisting", "you're putting words", "that's an exaggeration",
    ];

    /// <summary>"You're (being) …" and "that's …": followed by <see cref="NegativeTraits"/> they make an accusation.</summary>
    private static readonly string[] YouAre =
    [
        "you're", "you are", "you're being", "you are being", "you've been", "you have been", "you were being",
        "you sound", "that's so", "stop being",
    ];

    /// <summary>What an accusation calls the other ("you're being really defensive", "and you're being unfair").</summary>
    private static readonly string[] NegativeTraits =
    [
        "unfair", "defensive", "unreasonable", "ridiculous", "rude", "childish", "dramatic", "difficult", "petty",
        "hypocritical", "inconsiderate", "selfish", "condescending", "patronizing", "patronising", "dismissive",
        "paranoid", "stubborn", "unbearable", "absurd", "irrational", "illogical", "naive", "arrogant", "mean",
        "impossible", "insulting", "disrespectful", "passive-aggressive", "aggressive", "hostile", "wrong", "overreacting",
        "exaggerating", "ignorant", "biased", "dishonest", "lying", "delusional",
    ];

    /// <summary>The other's own words brought back ("as you first said"): in a question, or after "but", a challenge.</summary>
    private static readonly string[] QuotesOther =
    [
        "you said", "you first said", "you just said", "you yourself said", "you said earlier", "you earlier said",
        "you claimed", "you just claimed", "you told me", "your own words", "your own definition", "you argued",
        "you were saying", "as you put it", "by your own", "you admitted", "you agreed",
    ];

    private static readonly string[] ChallengeOpeners = ["but", "however", "yet", "still"];

    private static readonly string[] ContrastWords = ["but", "however", "though", "although", "yet"];

    private static readonly string[] Concession =
    [
        "you're right", "you are right", "fair point", "fair enough", "i agree", "good point", "i stand corrected",
        "that's true", "that is true", "granted", "point taken", "i concede", "you've convinced me",
        "you have convinced me", "that makes sense", "you have a point", "you've got a point", "i see your point",
        "agreed", "i was wrong", "my mistake", "my bad", "i take your point", "that's fair", "true enough",
        "i can accept that", "you make a good point", "that's a good point", "that's a fair point", "well said",
        "i'll grant", "i will grant", "you've changed my mind", "you have changed my mind", "makes sense",
        "exactly right", "spot on", "that's correct", "that is correct", "you got it", "you're correct",
        "you are correct", "absolutely right", "i see what you mean",
    ];

    private static readonly string[] Clarification =
    [
        "i mean", "to clarify", "in other words", "what i meant", "what i mean is", "that is to say", "to be clear",
        "let me clarify", "let me rephrase", "to put it another way", "put differently", "i meant",
        "just to clarify", "by that i mean", "to be precise", "more precisely", "what i'm saying is",
        "what i am saying is", "let me explain", "to elaborate", "to be more specific", "what i was trying to say",
        "i didn't mean", "i did not mean",
        // Asking the other to clarify: "What do you mean by 'collaboration' exactly?"
        "what do you mean", "what did you mean", "what exactly do you mean", "do you mean", "did you mean",
        "could you clarify", "can you clarify", "could you be more specific", "can you be more specific",
        "how do you define", "how would you define", "what do you mean by", "in what sense", "meaning what",
    ];

    private static readonly string[] Synthesis =
    [
        "so overall", "overall", "putting it together", "putting it all together", "putting that together",
        "in summary", "to summarize", "to summarise", "to sum up", "in conclusion", "all in all", "taken together",
        "that reconciles", "reconciles", "reconcile", "both views", "both sides", "both positions",
        "middle ground", "common ground", "best of both", "we can combine", "combining both", "in short",
        "to conclude", "so in the end", "the upshot", "bringing it together", "on balance", "a compromise",
        "we both agree", "we agree that", "so we agree", "both approaches", "both of your points", "both points",
        "you're both right", "you are both right", "both are right", "both have a point", "both matter",
        "both are valid", "both valid",
        // Shared ground stated as a joint result: "So we both accept that a hybrid schedule…".
        "we both accept", "we both see", "we both want", "we both think", "we can both", "we'd both",
        "neither extreme", "somewhere in between", "somewhere in the middle", "meet in the middle", "meet halfway",
        "hybrid approach", "hybrid model", "hybrid solution", "combines the best", "combine the two",
        "combining the two", "combines both", "combine both",
    ];

    private static readonly string[] Leading =
    [
        "isn't it", "is it not", "aren't they", "are they not", "don't you think", "wouldn't you agree",
        "would you agree", "do you agree", "don't you agree", "doesn't that mean", "does that not mean",
        "doesn't it follow", "does it not follow", "wouldn't it", "would it not", "isn't that", "is that not",
        "surely", "must it not", "so then", "and so", "doesn't it", "does it not", "wouldn't that", "shouldn't we",
        "can we not", "isn't this", "would you not say", "is it not true", "then is it", "so is it",
    ];

    private static readonly string[] Problem =
    [
        "not working", "doesn't work", "does not work", "isn't working", "is not working", "stopped working",
        "won't load", "won't start", "won't open", "won't let me", "can't log in", "cannot log in", "can't login",
        "can't sign in", "cannot sign in", "locked out", "refund", "charged twice", "was charged", "double charged",
        "my order", "my account", "my subscription", "my package", "my delivery", "my bill", "my invoice",
        "never arrived", "hasn't arrived", "didn't arrive", "has not arrived", "reset my password",
        "cancel my", "keeps crashing", "crashes", "damaged", "wrong item", "no internet", "connection drops",
        "error message", "error code", "out of service", "still broken", "is broken", "it's broken",
        // Single words: a trailing * matches any word starting so ("crash*": crashes, crashing, crashin).
        "crash*", "freez*", "error*", "glitc*", "broken", "broke", "bug", "bugs", "buggy", "fail", "fails", "failed",
        "failing", "failure", "outage", "issue", "issues", "problem", "problems", "install", "installer", "installing",
        "installation", "reinstall", "uninstall", "nothing works", "won't work", "doesn't load", "not loading",
        "won't connect", "can't connect", "no connection", "is down", "been down", "went down", "keeps dropping",
        "keeps freezing", "help me", "can you help", "could you help", "can't figure out", "cannot figure out",
        "doing wrong", "my internet", "my app", "my phone", "my card", "my payment", "my booking", "my flight",
        "the order", "an order", "charged", "lost my", "cancelling my", "canceling my", "account doesn't",
        "not found", "access denied", "permission denied", "timed out", "times out", "doesn't exist",
        "for order", "delivery address", "my parcel", "wrong address", "missing item", "my address",
    ];

    private static readonly string[] Service =
    [
        "sorry for the inconvenience", "sorry to hear", "i apologize", "i apologise", "apologies for",
        "thank you for contacting", "thanks for contacting", "thanks for reaching out", "thank you for reaching out",
        "is there anything else", "anything else i can help", "ticket", "case number", "order number",
        "i've issued", "i have issued", "i've processed", "i have processed", "i've refunded", "i have refunded",
        "i've reset", "i have reset", "i've escalated", "i have escalated", "escalate", "refund has been",
        "please try", "could you try", "can you try", "try restarting", "restart the", "clear your cache",
        "go to settings", "let me check", "let me look into", "happy to help", "glad i could help",
        "has been resolved", "should be fixed", "is now fixed", "replacement", "confirm your", "account email",
        "i've sent", "i have sent", "tracking number", "within 24 hours", "business days",
        "sorry about that", "sorry about the", "thanks for your patience", "thank you for your patience",
        "thanks for waiting", "thank you for waiting", "thanks for trying", "customer number", "account number",
        "reference number", "i understand your frustration", "i completely understand", "i'm afraid", "i am afraid",
        "transfer you", "i can transfer", "i've unlocked", "i have unlocked", "i've opened", "i have opened",
        "opened a dispute", "i've updated", "i've fixed", "i have fixed", "glad it's fixed", "glad it works",
        "glad that worked", "glad to hear", "known bug", "known issue", "happy to assist", "how can i help",
        "how may i help", "what can i do for you", "please uninstall", "please rotate", "please restart",
        "please confirm", "please check", "please update", "could you run", "can you run", "could you confirm",
        "can you confirm", "step by step", "your complaint", "on our end", "for the trouble",
        "sorry for the trouble", "sorry for the delay", "sorry about the delay", "i'm sorry to hear",
    ];

    /// <summary>How-to language of someone guiding another through a task ("let's factor it", "click", "first… then").</summary>
    private static readonly string[] Instruction =
    [
        "step", "steps", "try", "click", "run", "let's", "first", "then", "next", "open", "select", "choose", "type",
        "press", "go to", "make sure", "you can", "you'll need", "you need to", "you should", "formula", "solve",
        "check", "restart", "update", "rotate", "request", "enter", "set", "change", "factor", "plug", "unplug",
        "consider", "use", "add", "remove", "now try", "on your own", "your turn",
    ];

    /// <summary>A learner's language ("I don't get how to…", "I get it now", "what does … mean").</summary>
    private static readonly string[] Learning =
    [
        "i don't get", "i do not get", "i don't understand", "i do not understand", "how to", "how do i",
        "how does", "how do you", "what does", "explain", "i'm confused", "i am confused", "confused", "i get it",
        "i see", "got it", "makes sense", "i understand", "understand now", "learn", "learning", "homework",
        "exercise", "lesson", "help me understand", "is that right", "is that correct", "did i get",
        "oh i see", "i think i get",
    ];

    private static readonly string[] Explanation =
    [
        "for example", "for instance", "this means", "which means", "because", "the reason", "think of it",
        "let's", "let us", "imagine", "the idea is", "basically", "essentially", "note that", "remember that",
        "recall that", "in general", "is called", "is defined as", "refers to", "step", "first", "then",
        "in practice", "that is why", "that's why", "so that", "this is why", "the key idea", "in this case",
        "such as", "you can", "you'll", "you will", "works by",
    ];

    private static readonly string[] FirstPerson =
    [
        "i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll", "we", "us", "our", "we're", "we've",
    ];

    private static readonly string[] Copulas =
    [
        "is", "are", "was", "were", "isn't", "aren't", "wasn't", "weren't", "should", "shouldn't", "must", "will",
        "won't", "can", "can't", "cannot", "means", "causes", "requires", "makes", "has", "have",
    ];

    private static readonly string[] NotClaimSubjects =
    [
        "i", "you", "we", "they", "he", "she", "it", "i'm", "you're", "we're", "they're", "it's", "that", "that's",
        "this", "there", "there's", "here", "here's", "so", "and", "but", "ok", "okay", "yes", "no", "yeah", "what",
        "why", "how", "when", "where", "who", "which", "is", "are", "do", "does", "did", "can", "could", "would",
        "will", "should", "hi", "hello", "hey", "thanks", "thank", "please", "let's", "if", "maybe", "then",
        "also", "just", "sure", "great", "good", "nice", "lol", "haha", "oh", "well", "sorry", "now",
    ];

    /// <summary>Apostrophe-less spellings that are real other words and so must not be added as variants.</summary>
    private static readonly HashSet<string> UnsafeVariants = new(StringComparer.Ordinal)
    {
        "were", "well", "its", "id", "hell", "shell", "wed", "cant", "wont", "ill", "shed", "lets", "ive", "youll",
    };

    /// <summary>Declared after the phrase lists: static fields initialise in textual order.</summary>
    public static readonly PhraseMatcher Matcher = new(Entries());

    private static IEnumerable<(string, DiscourseTag)> Entries()
    {
        (string[] Phrases, DiscourseTag Tag)[] groups =
        [
            (Claim, DiscourseTag.Claim),
            (Challenge, DiscourseTag.Challenge),
            (ChallengeOpeners, DiscourseTag.ChallengeAtSentenceStart),
            (ContrastWords, DiscourseTag.Contrast),
            (Concession, DiscourseTag.Concession),
            (Clarification, DiscourseTag.Clarification),
            (Synthesis, DiscourseTag.Synthesis),
            (Leading, DiscourseTag.Leading),
            (Problem, DiscourseTag.Problem),
            (Service, DiscourseTag.Service),
            (Explanation, DiscourseTag.Explanation),
            (Instruction, DiscourseTag.Instruction),
            (Learning, DiscourseTag.Learning),
            (YouAre, DiscourseTag.YouAre),
            (NegativeTraits, DiscourseTag.NegativeTrait),
            (QuotesOther, DiscourseTag.QuotesOther),
            (FirstPerson, DiscourseTag.FirstPerson),
            (Copulas, DiscourseTag.Copula),
            (NotClaimSubjects, DiscourseTag.NotClaimSubject),
            (["not", "never", "isn't", "wasn't", "aren't", "hardly", "nor"], DiscourseTag.Negator),
            (["a", "an", "the", "very", "really", "so", "quite", "such", "entirely", "exactly", "particularly"], DiscourseTag.Intensifier),
            (["both"], DiscourseTag.Both),
            (["and"], DiscourseTag.And),
        ];

        foreach ((string[] phrases, DiscourseTag tag) in groups)
        {
            foreach (string phrase in phrases)
            {
                yield return (phrase, tag);
                string variant = WithoutApostrophes(phrase);
                if (!ReferenceEquals(variant, phrase))
                {
                    yield return (variant, tag);
                }
            }
        }
    }

    /// <summary>"you're right" → "youre right", unless a word would become another word ("we're" → "were").</summary>
    private static string WithoutApostrophes(string phrase)
    {
        if (!phrase.Contains('\''))
        {
            return phrase;
        }

        string[] words = phrase.Split(' ');
        for (int i = 0; i < words.Length; i++)
        {
            string stripped = words[i].Replace("'", "", StringComparison.Ordinal);
            if (UnsafeVariants.Contains(stripped))
            {
                return phrase;
            }

            words[i] = stripped;
        }

        return string.Join(' ', words);
    }
}
