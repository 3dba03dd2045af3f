using System.Collections.Frozen;

namespace Observatory.Analysis.Text.Terms;

/// <summary>
/// English function words plus the filler of chat ("ok", "yeah", "thanks", "please", "um", "like", …) and the light
/// verbs and vague nouns that carry no subject ("get", "want", "thing", "help", "question"). A term that is one of
/// these never becomes a keyword, a loop phrase's content or a callback. Lookups take the lower-cased token as a span,
/// so checking a token allocates nothing.
/// </summary>
/// <remarks>
/// Based on the usual IR lists (the Snowball/SMART English function words) trimmed of words that can be a subject in
/// conversations ("course", "id", "ill", "time", "use"), with contractions in both spellings ("don't" and "dont")
/// because chat drops apostrophes. Possessive "'s" is stripped by the tokenizer before lookup, so "it's" arrives here
/// as "it".
/// </remarks>
internal static class StopWords
{
    private static readonly string[] Words =
    [
        // Function words.
        "a", "about", "above", "across", "after", "afterwards", "again", "against", "ago", "all", "almost", "alone",
        "along", "already", "also", "although", "always", "am", "among", "amongst", "an", "and", "another", "any",
        "anybody", "anyhow", "anyone", "anything", "anyway", "anyways", "anywhere", "are", "around", "as", "aside",
        "at", "away", "back", "be", "became", "because", "become", "becomes", "becoming", "been", "before",
        "beforehand", "behind", "being", "below", "beside", "besides", "between", "beyond", "both", "but", "by",
        "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else",
        "elsewhere", "enough", "etc", "even", "ever", "every", "everybody", "everyone", "everything", "everywhere",
        "except", "few", "for", "from", "further", "furthermore", "had", "has", "have", "having", "he", "hence",
        "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "ie", "if", "in",
        "indeed", "instead", "into", "is", "it", "its", "itself", "just", "least", "less", "let", "lets", "many",
        "may", "me", "meanwhile", "might", "mine", "more", "moreover", "most", "mostly", "much", "must", "my",
        "myself", "namely", "neither", "never", "nevertheless", "next", "no", "nobody", "none", "noone", "nor",
        "not", "nothing", "now", "nowhere", "of", "off", "often", "on", "once", "only", "onto", "or", "other",
        "others", "otherwise", "ought", "our", "ours", "ourselves", "out", "over", "own", "per", "perhaps",
        "quite", "rather", "same", "several", "shall", "she", "should", "since", "so", "some", "somebody",
        "somehow", "someone", "something", "sometime", "sometimes", "somewhat", "somewhere", "soon", "still",
        "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "thence", "there",
        "thereafter", "thereby", "therefore", "therein", "these", "they", "this", "those", "though", "through",
        "throughout", "thru", "thus", "to", "together", "too", "toward", "towards", "under", "unless", "until",
        "unto", "up", "upon", "us", "very", "via", "was", "we", "were", "what", "whatever", "when", "whence",
        "whenever", "where", "whereas", "whereby", "wherever", "whether", "which", "while", "whither", "who",
        "whoever", "whole", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you",
        "your", "yours", "yourself", "yourselves",

        // Contractions, with and without the apostrophe.
        "aren't", "arent", "can't", "cant", "couldn't", "couldnt", "didn't", "didnt", "doesn't", "doesnt", "don't",
        "dont", "hadn't", "hadnt", "hasn't", "hasnt", "haven't", "havent", "he'd", "he'll", "i'd", "i'll", "i'm",
        "im", "i've", "ive", "isn't", "isnt", "it'd", "it'll", "mustn't", "shan't", "she'd", "she'll", "shouldn't",
        "shouldnt", "that'll", "they'd", "they'll", "they're", "theyre", "they've", "wasn't", "wasnt", "we'd",
        "we'll", "we're", "we've", "weren't", "werent", "won't", "wont", "wouldn't", "wouldnt", "y'all", "you'd",
        "you'll", "you're", "youre", "you've", "youve", "ain't", "aint",

        // Counting words.
        "zero", "one", "ones", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first",

        // Light verbs and vague nouns that say nothing about the subject.
        "able", "ask", "asked", "asking", "asks", "came", "come", "comes", "coming", "gave", "get", "gets",
        "getting", "give", "given", "gives", "go", "goes", "going", "gone", "got", "gotten", "guess", "keep",
        "kind", "know", "knew", "known", "knows", "look", "looked", "looking", "looks", "lot", "lots", "made",
        "make", "makes", "making", "mean", "means", "meant", "need", "needed", "needs", "put", "puts", "said",
        "say", "saying", "says", "see", "seeing", "seem", "seemed", "seeming", "seems", "seen", "saw", "sort",
        "stuff", "take", "taken", "takes", "taking", "tell", "telling", "tells", "thing", "things", "think",
        "thinking", "thinks", "thought", "told", "took", "tried", "tries", "try", "trying", "want", "wanted",
        "wanting", "wants", "way", "ways", "went", "help", "helps", "helped", "helping", "question", "questions",
        "end", "little", "extra", "keeps", "kept", "example", "instance",

        // Chat filler, greetings, hedges and politeness.
        "ok", "okay", "okey", "k", "kk", "yeah", "yea", "yes", "yep", "yup", "nope", "nah", "hi", "hello", "hey",
        "heya", "thanks", "thank", "thx", "ty", "please", "pls", "plz", "sure", "um", "umm", "uh", "uhh", "uhm",
        "hmm", "hmmm", "hm", "er", "erm", "ah", "oh", "ooh", "wow", "lol", "haha", "hahaha", "lmao", "btw", "imo",
        "imho", "tbh", "like", "really", "actually", "basically", "literally", "kinda", "sorta", "gonna", "wanna",
        "gotta", "bit", "great", "good", "nice", "cool", "awesome", "fine", "right", "alright", "welcome", "sorry",
        "glad", "maybe", "probably", "definitely", "certainly", "exactly", "absolutely", "totally", "anyhow",
        "well", "also", "just", "bye", "cheers", "dear", "regards", "hope", "appreciate",
    ];

    private static readonly FrozenSet<string> Set = Words.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpanLookup =
        Set.GetAlternateLookup<ReadOnlySpan<char>>();

    public static int Count => Set.Count;

    /// <summary>Whether the lower-cased token is a stop word.</summary>
    public static bool Contains(ReadOnlySpan<char> lowerCaseToken) => SpanLookup.Contains(lowerCaseToken);
}
