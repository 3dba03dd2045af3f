using System.Collections.Frozen;

namespace Observatory.Analysis.Dialectic;

/// <summary>
/// Finds marker phrases (word sequences) in text in one pass: words are looked up once in a frozen vocabulary
/// (case-insensitive, curly apostrophes straightened) and phrases are walked in a word trie, so the cost is linear in
/// the text and independent of the number of phrases. Built once; immutable and thread-safe afterwards.
/// </summary>
/// <remarks>
/// A phrase word ending in "*" ("crash*") stands for every word starting with that stem ("crashes", "crashing", the
/// typo'd "crashin"). Such stems all have <see cref="PrefixLength"/> letters, so an unknown word costs one more lookup.
/// </remarks>
internal sealed class PhraseMatcher
{
    /// <summary>A word outside the vocabulary.</summary>
    public const int UnknownWord = -1;

    /// <summary>End of a sentence that did not end with a question mark.</summary>
    public const int SentenceBreak = -2;

    /// <summary>End of a sentence that ended with a question mark.</summary>
    public const int QuestionBreak = -3;

    /// <summary>The length of every "stem*" word: one fixed length keeps the fallback to a single lookup.</summary>
    public const int PrefixLength = 5;

    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _vocabulary;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _prefixes;

    /// <summary>ASCII letters (lower-case bit per letter) that start some stem: most unknown words skip the lookup.</summary>
    private readonly uint _prefixInitials;
    private readonly int[] _rootChildren;
    private readonly FrozenDictionary<long, int> _children;
    private readonly DiscourseTag[] _nodeTags;
    private readonly DiscourseTag[] _wordTags;

    public PhraseMatcher(IEnumerable<(string Phrase, DiscourseTag Tags)> phrases)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var children = new Dictionary<long, int>();
        var nodeTags = new List<DiscourseTag> { DiscourseTag.None };
        var rootChildren = new List<int>();
        var prefixes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        foreach ((string phrase, DiscourseTag tags) in phrases)
        {
            int node = 0;
            foreach (string word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!vocabulary.TryGetValue(word, out int id))
                {
                    id = vocabulary.Count;
                    vocabulary.Add(word, id);
                    rootChildren.Add(0);
                    if (word.EndsWith('*'))
                    {
                        // Text never contains "*" inside a word, so only the prefix fallback reaches this id.
                        if (word.Length != PrefixLength + 1)
                        {
                            throw new ArgumentException($"Stem words must have {PrefixLength} letters: '{word}'.", nameof(phrases));
                        }

                        prefixes.Add(word[..PrefixLength], id);
                        _prefixInitials |= InitialBit(word[0]);
                    }
                }

                int next;
                if (node == 0)
                {
                    next = rootChildren[id];
                }
                else
                {
                    next = children.GetValueOrDefault(Key(node, id));
                }

                if (next == 0)
                {
                    next = nodeTags.Count;
                    nodeTags.Add(DiscourseTag.None);
                    if (node == 0)
                    {
                        rootChildren[id] = next;
                    }
                    else
                    {
                        children.Add(Key(node, id), next);
                    }
                }

                node = next;
            }

            nodeTags[node] |= tags;
        }

        _vocabulary = vocabulary.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixes = prefixes.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _rootChildren = [.. rootChildren];
        _children = children.ToFrozenDictionary();
        _nodeTags = [.. nodeTags];
        _wordTags = new DiscourseTag[_rootChildren.Length];
        for (int id = 0; id < _rootChildren.Length; id++)
        {
            _wordTags[id] = _nodeTags[_rootChildren[id]];
        }
    }

    /// <summary>The tags a single word carries on its own (None for unknown words and breaks).</summary>
    public DiscourseTag TagsOfWord(int id) => id >= 0 ? _wordTags[id] : DiscourseTag.None;

    /// <summary>
    /// Writes the word ids of <paramref name="text"/> into <paramref name="tokens"/> (cleared first), with
    /// <see cref="SentenceBreak"/>/<see cref="QuestionBreak"/> between sentences, and returns the number of words.
    /// </summary>
    public int Tokenize(ReadOnlySpan<char> text, List<int> tokens)
    {
        tokens.Clear();
        Span<char> buffer = stackalloc char[64];
        int words = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                int start = i;
                bool curly = false;
                while (i < text.Length)
                {
                    char d = text[i];
                    if (char.IsLetterOrDigit(d))
                    {
                        i++;
                    }
                    else if (d is '\'' or '’' or 'ʼ' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                    {
                        curly |= d != '\'';
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                tokens.Add(Lookup(text[start..i], curly, buffer));
                words++;
                continue;
            }

            if (c is '.' or '!' or '?' or '？' or '؟' or '。' or '！' or '…' or '\n')
            {
                bool question = false;
                int j = i;
                while (j < text.Length && text[j] is '.' or '!' or '?' or '？' or '؟' or '。' or '！' or '…' or '\n')
                {
                    question |= text[j] is '?' or '？' or '؟';
                    j++;
                }

                if (j >= text.Length || !char.IsLetterOrDigit(text[j]) || text[j - 1] == '\n')
                {
                    AddBreak(tokens, question ? QuestionBreak : SentenceBreak);
                }

                i = j;
                continue;
            }

            i++;
        }

        AddBreak(tokens, SentenceBreak);
        return words;
    }

    /// <summary>Every phrase occurrence in <paramref name="tokens"/>, in order of position then length.</summary>
    public void Match(List<int> tokens, List<PhraseHit> hits)
    {
        hits.Clear();
        for (int p = 0; p < tokens.Count; p++)
        {
            int id = tokens[p];
            if (id < 0)
            {
                continue;
            }

            int node = _rootChildren[id];
            int length = 1;
            while (node != 0)
            {
                if (_nodeTags[node] != DiscourseTag.None)
                {
                    hits.Add(new PhraseHit(p, length, _nodeTags[node]));
                }

                if (p + length >= tokens.Count || tokens[p + length] < 0)
                {
                    break;
                }

                node = _children.GetValueOrDefault(Key(node, tokens[p + length]));
                length++;
            }
        }
    }

    private int Lookup(ReadOnlySpan<char> word, bool curly, Span<char> buffer)
    {
        if (curly && word.Length <= buffer.Length)
        {
            Span<char> straight = buffer[..word.Length];
            word.CopyTo(straight);
            straight.Replace('’', '\'');
            straight.Replace('ʼ', '\'');
            word = straight;
        }

        if (_vocabulary.TryGetValue(word, out int id))
        {
            return id;
        }

        return word.Length >= PrefixLength && (_prefixInitials & InitialBit(word[0])) != 0
            && _prefixes.TryGetValue(word[..PrefixLength], out id) ? id : UnknownWord;
    }

    private static void AddBreak(List<int> tokens, int kind)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        int last = tokens[^1];
        if (last >= UnknownWord)
        {
            tokens.Add(kind);
        }
        else if (kind == QuestionBreak)
        {
            tokens[^1] = QuestionBreak;
        }
    }

    /// <summary>One bit per ASCII letter, case-insensitive; 0 for anything else.</summary>
    private static uint InitialBit(char c) => char.IsAsciiLetter(c) ? 1u << ((c | 0x20) - 'a') : 0;

    private static long Key(int node, int id) => ((long)node << 32) | (uint)id;
}

/// <summary>A phrase found at token <paramref name="Position"/> spanning <paramref name="Length"/> words.</summary>
internal readonly record struct PhraseHit(int Position, int Length, DiscourseTag Tags);
