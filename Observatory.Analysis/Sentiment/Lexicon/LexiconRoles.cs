namespace Observatory.Analysis.Sentiment.Lexicon;

/// <summary>What a lexicon entry does besides (or instead of) carrying a valence.</summary>
[Flags]
internal enum LexiconRoles : ushort
{
    None = 0,

    /// <summary>The valence counts only when the word is negated ("doesn't work"); alone it is neutral.</summary>
    Latent = 1 << 0,

    /// <summary>Flips and dampens a sentiment word up to three tokens later in the same clause.</summary>
    Negator = 1 << 1,

    /// <summary>"but", "however": the last one in a message halves what precedes it and weighs what follows ×1.5.</summary>
    Contrast = 1 << 2,

    /// <summary>"although", "despite": the clause it opens counts half.</summary>
    Concession = 1 << 3,

    /// <summary>A positive word often used sarcastically ("great", "perfect").</summary>
    SarcasmProne = 1 << 4,

    /// <summary>Makes a following prone word sarcastic ("oh great", "just perfect").</summary>
    SarcasmLead = 1 << 5,

    /// <summary>Makes a prone word within two tokens before it sarcastic ("great, another outage").</summary>
    SarcasmFollow = 1 << 6,

    /// <summary>"love" in "love how … &lt;something negative&gt;".</summary>
    SarcasmLove = 1 << 7,

    /// <summary>"how"/"when" after <see cref="SarcasmLove"/>.</summary>
    SarcasmLoveFollow = 1 << 8,

    /// <summary>A set phrase that is sarcastic by itself ("yeah right"): the message's positive words flip.</summary>
    SarcasmPhrase = 1 << 9,

    /// <summary>Not an entry itself, only the first word of phrases ("well" in "well done"): look the word up further.</summary>
    PhraseStartOnly = 1 << 10,

    /// <summary>A formula said afresh at each turn ("thanks", "sorry", "I agree"): never read as the conversation's subject.</summary>
    Formula = 1 << 11,
}
