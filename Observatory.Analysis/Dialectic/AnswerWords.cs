using System.Collections.Frozen;

namespace Observatory.Analysis.Dialectic;

/// <summary>
/// The English word lists behind answer linking (see <see cref="AnswerLinker"/>): how questions open, how replies
/// open, and the words that give a time, a quantity or a person. Lower-case, straight apostrophes; looked up as spans.
/// </summary>
internal static class AnswerWords
{
    /// <summary>Words skipped before a question's or reply's first real word ("oh", "so", "well", "thanks"); not
    /// "anyway" or "btw", which change the subject.</summary>
    public static readonly Lookup Fillers = new(
        "so", "and", "ok", "okay", "oh", "ah", "hmm", "hm", "um", "umm", "uh", "er", "erm", "well", "hey", "hi",
        "hello", "also", "now", "actually", "honestly", "right", "alright", "then", "lol", "haha", "thanks", "thank",
        "please", "quick", "question", "sorry", "wait", "ooh", "wow", "oops", "ugh", "dear");

    /// <summary>Auxiliaries that open a yes/no question ("did they…", "should we…", "is it…").</summary>
    public static readonly Lookup Auxiliaries = new(
        "is", "are", "was", "were", "am", "do", "does", "did", "can", "could", "will", "would", "should", "shall", "may",
        "might", "must", "have", "has", "had", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't",
        "can't", "couldn't", "won't", "wouldn't", "shouldn't", "haven't", "hasn't", "hadn't", "isnt", "arent", "dont",
        "doesnt", "didnt", "cant", "couldnt", "wont", "wouldnt", "shouldnt", "havent", "hasnt", "ain't");

    /// <summary>Verbs that make "could you tell me where…", "do you know when…" ask the embedded wh-question.</summary>
    public static readonly Lookup EmbeddingVerbs = new(
        "tell", "know", "remember", "explain", "say", "show", "wonder", "wondering", "idea", "sure", "recall");

    /// <summary>Openings of questions that invite any contribution: "Any risks?", "Anything else?", "Thoughts?".</summary>
    public static readonly Lookup PromptOpeners = new(
        "any", "anything", "thoughts", "ideas", "suggestions", "comments", "questions", "feedback", "objections",
        "updates", "news", "else", "others", "more");

    /// <summary>First words of questions that leave out "do you": "Want to try one?", "Need a hand?".</summary>
    public static readonly Lookup ElidedDoYou = new("want", "wanna", "need", "got", "fancy", "care", "mind", "know", "like");

    /// <summary>Nouns that make "what/which …" a question about time ("what time", "which day").</summary>
    public static readonly Lookup TimeNouns = new(
        "time", "day", "date", "year", "month", "hour", "week", "weekday", "night", "morning", "evening", "afternoon");

    /// <summary>Words after "how" that ask for a quantity ("how many", "how much", "how old").</summary>
    public static readonly Lookup QuantityWords = new(
        "many", "much", "old", "far", "often", "big", "tall", "large", "fast", "high", "heavy", "deep", "wide", "expensive");

    /// <summary>Reply openings that answer a question outright: yes/no, hedges and verdicts.</summary>
    public static readonly Lookup Verdicts = new(
        "yes", "yeah", "yep", "yup", "yea", "ya", "yah", "sure", "no", "nope", "nah", "not", "never", "absolutely",
        "definitely", "certainly", "correct", "exactly", "indeed", "probably", "maybe", "perhaps", "possibly", "likely",
        "unlikely", "barely", "hardly", "mostly", "partly", "totally", "obviously", "apparently", "true", "false",
        "sadly", "unfortunately", "luckily", "thankfully", "fortunately", "hopefully", "depends", "dunno", "idk",
        "nobody", "nothing", "none", "everyone", "everything", "always", "sometimes", "usually", "neither", "either",
        "affirmative", "negative", "of", "ofc", "agreed", "done", "deal", "sounds",
        // Yes and no in the languages chat most often mixes in ("Sí, claro!").
        "sí", "si", "claro", "ja", "jawohl", "nein", "oui", "non", "da", "nee", "sim", "não");

    /// <summary>Reply openings that explain ("because…", "since…"): answers to why-questions and most others.</summary>
    public static readonly Lookup Reasons = new("because", "cause", "'cause", "cuz", "coz", "since", "due");

    /// <summary>Reply openings that deliver an answer: "it's…", "there's…", "you can…", "the answer…", "try…".</summary>
    public static readonly Lookup AnswerOpeners = new(
        "it's", "its", "it", "that's", "thats", "this", "there's", "theres", "there", "here's", "heres", "here",
        "you", "you'll", "you'd", "you've", "try", "use", "click", "open", "go", "check", "restart", "press", "select",
        "choose", "type", "run", "put", "set", "answer", "reason", "depends");

    /// <summary>Reply openings that change the subject: a reply starting so is not an answer.</summary>
    public static readonly string[][] TopicChanges =
    [
        ["by", "the", "way"], ["btw"], ["anyway"], ["anyways"], ["speaking", "of"], ["on", "another", "note"],
        ["unrelated"], ["off", "topic"], ["changing", "the", "subject"], ["random", "question"], ["i'm", "off"],
        ["im", "off"], ["i", "am", "off"], ["gotta", "go"], ["got", "to", "go"], ["have", "to", "go"],
        ["i", "have", "to", "go"], ["i", "need", "to", "go"], ["i", "must", "go"], ["talk", "later"], ["ttyl"],
        ["brb"], ["g2g"], ["gtg"], ["in", "other", "news"], ["on", "a", "different", "note"], ["totally", "unrelated"],
    ];

    /// <summary>First words of <see cref="TopicChanges"/>: never skipped as a vocative ("Anyway, …").</summary>
    public static readonly Lookup TopicChangeStarts = new([.. TopicChanges.Select(change => change[0]).Distinct()]);

    /// <summary>One-word reactions: a short reply made of these acknowledges, it does not answer.</summary>
    public static readonly Lookup Reactions = new(
        "ok", "okay", "k", "kk", "thanks", "thank", "thx", "ty", "lol", "lmao", "haha", "hahaha", "nice", "cool", "wow",
        "great", "fun", "awesome", "sweet", "hmm", "hm", "oh", "ah", "ugh", "damn", "sorry", "hi", "hello", "hey", "bye",
        "later", "whatever", "fine", "yay", "omg", "wait", "what", "huh", "noted", "perfect", "good", "amazing",
        "congrats", "interesting", "really", "seriously", "same", "ha", "lovely", "cheers", "welcome", "yikes",
        "hooray", "excellent", "brilliant", "fantastic", "wonderful", "terrible", "awful", "bummer", "exciting");

    /// <summary>Words that give a time or date ("on the 14th" is caught by its digits).</summary>
    public static readonly Lookup TimeWords = new(
        "today", "tomorrow", "tonight", "yesterday", "morning", "afternoon", "evening", "night", "noon", "midnight",
        "week", "weekend", "weeks", "month", "months", "year", "years", "day", "days", "hour", "hours", "minute",
        "minutes", "ago", "later", "soon", "now", "asap", "eod", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "am", "pm", "o'clock", "never", "always", "weekly", "daily", "yet", "already", "next", "last");

    /// <summary>Number words ("two", "a dozen", "a few").</summary>
    public static readonly Lookup NumberWords = new(
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
        "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion", "dozen",
        "couple", "few", "several", "half", "none", "once", "twice", "both", "single", "dozens", "hundreds", "thousands");

    /// <summary>Words after a sentence-initial name that show it is one: "Marta is.", "Ben will", "Ada's doing it".</summary>
    public static readonly Lookup AfterName = new(
        "is", "was", "will", "does", "did", "can", "has", "had", "should", "could", "would", "might", "and", "or",
        "said", "says", "handles", "leads", "runs", "owns", "knows", "told");

    /// <summary>Whole-reply openings that name people without a capital: "I do", "me", "nobody", "both of us".</summary>
    public static readonly Lookup PersonWords = new(
        "me", "nobody", "everyone", "everybody", "somebody", "someone", "both", "neither", "us", "myself", "you",
        "him", "her", "them");

    /// <summary>A fixed set of lower-case words looked up by span.</summary>
    internal sealed class Lookup(params string[] words)
    {
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup =
            words.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        public bool Contains(ReadOnlySpan<char> lowerCaseWord) => _lookup.Contains(lowerCaseWord);
    }
}
