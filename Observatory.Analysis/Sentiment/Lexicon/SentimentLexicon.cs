using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Observatory.Analysis.Sentiment.Lexicon;

/// <summary>
/// The sentiment lexicon, parsed once from <see cref="SentimentLexiconData"/>, <see cref="SentimentModifierData"/>
/// and <see cref="EmojiLexiconData"/> into frozen dictionaries. Lookups take spans (no string per token). Immutable
/// and shared by every analysis.
/// </summary>
internal sealed class SentimentLexicon
{
    /// <summary>Longest word the fallback rules rewrite; longer tokens are only looked up as written.</summary>
    private const int MaxFallbackLength = 48;

    private readonly FrozenDictionary<string, LexiconEntry>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly FrozenDictionary<string, float>.AlternateLookup<ReadOnlySpan<char>> _emoticons;
    private readonly FrozenDictionary<int, float> _emoji;

    private SentimentLexicon(
        FrozenDictionary<string, LexiconEntry> words,
        FrozenDictionary<string, float> emoticons,
        FrozenDictionary<int, float> emoji,
        int familyCount,
        IReadOnlyList<string> duplicates)
    {
        FamilyCount = familyCount;
        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _emoticons = emoticons.GetAlternateLookup<ReadOnlySpan<char>>();
        _emoji = emoji;
        Words = words;
        EmojiCount = emoji.Count;
        EmoticonCount = emoticons.Count;
        Duplicates = duplicates;
    }

    public static SentimentLexicon Shared { get; } = Build();

    /// <summary>
    /// Every word and phrase (phrases have single spaces), with modifiers merged in, plus placeholders
    /// (<see cref="LexiconRoles.PhraseStartOnly"/>) for phrase-initial words that are no entry of their own.
    /// </summary>
    public FrozenDictionary<string, LexiconEntry> Words { get; }

    public int EmojiCount { get; }

    /// <summary>One more than the largest <see cref="LexiconEntry.Family"/>: the size of an array indexed by family.</summary>
    public int FamilyCount { get; }

    public int EmoticonCount { get; }

    /// <summary>Forms the data defines twice (the first definition wins); a test keeps this empty.</summary>
    public IReadOnlyList<string> Duplicates { get; }

    public bool TryGetPhrase(ReadOnlySpan<char> phrase, out LexiconEntry entry) => _words.TryGetValue(phrase, out entry);

    public bool TryGetEmoji(int codePoint, out float valence) => _emoji.TryGetValue(codePoint, out valence);

    public bool TryGetEmoticon(ReadOnlySpan<char> lowered, out float valence) => _emoticons.TryGetValue(lowered, out valence);

    /// <summary>
    /// Looks a lower-cased word up as written, then through light inflection rules for forms the data does not
    /// list: elongation ("sooo", "gooood" → runs of three or more letters squeezed to two, then one), possessive
    /// "'s", plural "-ies/-es/-s", adverb "-ily/-ably/-ibly/-ly" (only onto a word that has a valence). Any other
    /// word ending in "n't" is a negator. <paramref name="phraseWords"/> is the length of the longest phrase that
    /// starts with the word as written (0 when none does).
    /// </summary>
    public bool TryGetWord(ReadOnlySpan<char> word, bool elongated, out LexiconEntry entry, out int phraseWords)
    {
        phraseWords = 0;
        if (_words.TryGetValue(word, out entry))
        {
            phraseWords = entry.PhraseWords;
            if (!entry.Has(LexiconRoles.PhraseStartOnly))
            {
                return true;
            }
        }

        return TryInflected(word, elongated, out entry);
    }

    /// <summary>The fallback rules of <see cref="TryGetWord"/>, apart so the common exact hit pays no buffer.</summary>
    private bool TryInflected(ReadOnlySpan<char> word, bool elongated, out LexiconEntry entry)
    {
        if (word.Length > MaxFallbackLength)
        {
            entry = default;
            return false;
        }

        Span<char> buffer = stackalloc char[MaxFallbackLength];
        if (elongated)
        {
            if (IsEntry(buffer[..Squeeze(word, buffer, 2)], out entry) || IsEntry(buffer[..Squeeze(word, buffer, 1)], out entry))
            {
                return true;
            }
        }

        if (word.EndsWith("'s") && IsEntry(word[..^2], out entry))
        {
            return true;
        }

        if (word.EndsWith("n't"))
        {
            entry = LexiconEntry.Negator;
            return true;
        }

        if (word.Length > 3 && word[^1] == 's' && word[^2] != 's' && TryPlural(word, buffer, out entry))
        {
            return true;
        }

        if (word.Length > 4 && word.EndsWith("ly") && TryAdverb(word, buffer, out entry))
        {
            return true;
        }

        entry = default;
        return false;
    }

    private bool TryPlural(ReadOnlySpan<char> word, Span<char> buffer, out LexiconEntry entry)
    {
        if (word.EndsWith("ies"))
        {
            word[..^3].CopyTo(buffer);
            buffer[word.Length - 3] = 'y';
            if (IsEntry(buffer[..(word.Length - 2)], out entry))
            {
                return true;
            }
        }

        if (word.EndsWith("es") && IsEntry(word[..^2], out entry))
        {
            return true;
        }

        return IsEntry(word[..^1], out entry);
    }

    private bool TryAdverb(ReadOnlySpan<char> word, Span<char> buffer, out LexiconEntry entry)
    {
        ReadOnlySpan<char> stem = word[..^2];
        if (stem.EndsWith("i"))
        {
            // happily → happy
            stem[..^1].CopyTo(buffer);
            buffer[stem.Length - 1] = 'y';
            if (HasValence(buffer[..stem.Length], out entry))
            {
                return true;
            }
        }
        else if (stem.EndsWith("ab") || stem.EndsWith("ib"))
        {
            // horribly → horrible
            stem.CopyTo(buffer);
            buffer[stem.Length] = 'l';
            buffer[stem.Length + 1] = 'e';
            if (HasValence(buffer[..(stem.Length + 2)], out entry))
            {
                return true;
            }
        }

        return HasValence(stem, out entry);
    }

    private bool HasValence(ReadOnlySpan<char> word, out LexiconEntry entry) =>
        _words.TryGetValue(word, out entry) && entry.Valence != 0 && !entry.Has(LexiconRoles.Latent);

    private bool IsEntry(ReadOnlySpan<char> word, out LexiconEntry entry) =>
        _words.TryGetValue(word, out entry) && !entry.Has(LexiconRoles.PhraseStartOnly);

    /// <summary>Copies <paramref name="word"/> with every run of one letter cut to at most <paramref name="keep"/>.</summary>
    private static int Squeeze(ReadOnlySpan<char> word, Span<char> into, int keep)
    {
        int length = 0;
        int run = 0;
        for (int i = 0; i < word.Length; i++)
        {
            run = i > 0 && word[i] == word[i - 1] ? run + 1 : 1;
            if (run <= keep)
            {
                into[length++] = word[i];
            }
        }

        return length;
    }

    private static SentimentLexicon Build()
    {
        var words = new Dictionary<string, LexiconEntry>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        int families = 0;
        foreach (string block in SentimentLexiconData.Blocks)
        {
            int lastToken = 0;
            foreach ((string head, string form, int token) in LexiconTextParser.Entries(block))
            {
                families += token - lastToken;
                lastToken = token;
                bool latent = head.StartsWith('~');
                float valence = float.Parse(latent ? head[1..] : head, NumberStyles.Float, CultureInfo.InvariantCulture);
                var entry = new LexiconEntry(valence, 0, latent ? LexiconRoles.Latent : LexiconRoles.None, Family: families);
                if (!words.TryAdd(form, entry))
                {
                    duplicates.Add(form);
                }
            }
        }

        foreach ((string head, string form, _) in LexiconTextParser.Entries(SentimentModifierData.Lines))
        {
            words.TryGetValue(form, out LexiconEntry existing);
            words[form] = float.TryParse(head, NumberStyles.Float, CultureInfo.InvariantCulture, out float boost)
                ? existing with { Boost = boost }
                : existing with { Roles = existing.Roles | RoleNamed(head) };
        }

        // Mark each phrase-initial word with its longest phrase, adding a placeholder where the word is no entry.
        foreach (string key in words.Keys.Where(key => key.Contains(' ')).ToArray())
        {
            string first = key[..key.IndexOf(' ')];
            byte length = (byte)(key.Count(c => c == ' ') + 1);
            LexiconEntry existing = words.GetValueOrDefault(first, new LexiconEntry(0, 0, LexiconRoles.PhraseStartOnly));
            words[first] = existing with { PhraseWords = Math.Max(length, existing.PhraseWords) };
        }

        var emoji = new Dictionary<int, float>();
        foreach ((string head, string form, _) in LexiconTextParser.Entries(EmojiLexiconData.Emoji))
        {
            Rune.DecodeFromUtf16(form, out Rune rune, out _);
            if (!emoji.TryAdd(rune.Value, float.Parse(head, NumberStyles.Float, CultureInfo.InvariantCulture)))
            {
                duplicates.Add(form);
            }
        }

        var emoticons = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach ((string head, string form, _) in LexiconTextParser.Entries(EmojiLexiconData.Emoticons))
        {
            if (!emoticons.TryAdd(form, float.Parse(head, NumberStyles.Float, CultureInfo.InvariantCulture)))
            {
                duplicates.Add(form);
            }
        }

        return new SentimentLexicon(
            words.ToFrozenDictionary(StringComparer.Ordinal),
            emoticons.ToFrozenDictionary(StringComparer.Ordinal),
            emoji.ToFrozenDictionary(),
            families + 1,
            duplicates);
    }

    private static LexiconRoles RoleNamed(string name) => name switch
    {
        "negate" => LexiconRoles.Negator,
        "neutral" => LexiconRoles.None,
        "contrast" => LexiconRoles.Contrast,
        "concede" => LexiconRoles.Concession,
        "sarcasm-prone" => LexiconRoles.SarcasmProne,
        "sarcasm-lead" => LexiconRoles.SarcasmLead,
        "sarcasm-follow" => LexiconRoles.SarcasmFollow,
        "sarcasm-love" => LexiconRoles.SarcasmLove,
        "sarcasm-love-follow" => LexiconRoles.SarcasmLoveFollow,
        "sarcasm-phrase" => LexiconRoles.SarcasmPhrase,
        "formula" => LexiconRoles.Formula,
        _ => throw new FormatException($"Unknown modifier role '{name}'."),
    };
}
