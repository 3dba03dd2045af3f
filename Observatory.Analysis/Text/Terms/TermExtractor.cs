using System.Runtime.CompilerServices;
using Observatory.Analysis.Core;

namespace Observatory.Analysis.Text.Terms;

/// <summary>
/// Turns every message of a conversation into terms (see <see cref="TermTokenizer"/>, <see cref="StopWords"/>,
/// <see cref="PorterStemmer"/>) over a vocabulary shared by the whole conversation. One pass over the text; each
/// token costs one span-keyed dictionary lookup, and stop-word checks and stemming run once per distinct token.
/// </summary>
/// <remarks>
/// Several families (topics, recursive, themes, …) read the same terms, so the result is memoized per
/// <see cref="ConversationProfile"/> instance (a weak table: it lives exactly as long as the profile). The result is a
/// pure function of the messages, so memoizing cannot change any output.
/// </remarks>
internal static class TermExtractor
{
    private static readonly ConditionalWeakTable<ConversationProfile, MessageTerms> Memo = new();

    /// <summary>The terms of every message (memoized per profile).</summary>
    public static MessageTerms Extract(ConversationProfile profile, CancellationToken cancellationToken)
    {
        if (Memo.TryGetValue(profile, out MessageTerms? cached))
        {
            return cached;
        }

        long words = 0;
        foreach (int count in profile.WordCounts)
        {
            words += count;
        }

        MessageTerms terms = Build(profile.Messages, cancellationToken, (int)Math.Min(words, MaxPresizedSurfaces));
        return Memo.GetValue(profile, _ => terms);
    }

    /// <summary>Per-message stem ids and counts over the shared vocabulary of <see cref="Extract"/>.</summary>
    public static TermDocument[] ExtractPerMessage(ConversationProfile profile, CancellationToken cancellationToken = default) =>
        Extract(profile, cancellationToken).Documents;

    /// <summary>Dictionaries are presized from the word count up to this many distinct tokens (a few MB at most).</summary>
    private const int MaxPresizedSurfaces = 1 << 16;

    internal static MessageTerms Build(IReadOnlyList<ConversationMessage> messages, CancellationToken cancellationToken, int expectedSurfaces = 0)
    {
        var builder = new VocabularyBuilder(expectedSurfaces);
        var tokenizer = new TermTokenizer();
        var documents = new TermDocument[messages.Count];
        var tokens = new List<int>(64);
        var touched = new List<int>(64);
        int tokenCount = 0;
        int stopTokens = 0;

        for (int i = 0; i < messages.Count; i++)
        {
            CancellationCadence.ThrowIfDue(i, cancellationToken);
            tokens.Clear();
            touched.Clear();
            tokenizer.Reset(messages[i].Content ?? string.Empty);
            while (tokenizer.TryNext(out ReadOnlySpan<char> token))
            {
                int surface = builder.SurfaceId(token);
                tokens.Add(surface);
                int stem = builder.SurfaceStem[surface];
                if (builder.IsStop[stem])
                {
                    stopTokens++;
                    continue;
                }

                if (builder.MessageCounts[stem]++ == 0)
                {
                    touched.Add(stem);
                }
            }

            tokenCount += tokens.Count;
            documents[i] = tokens.Count == 0 ? TermDocument.Empty : builder.Document(tokens, touched);
        }

        TermVocabulary vocabulary = builder.ToVocabulary();
        return new MessageTerms(documents, vocabulary, tokenCount, stopTokens, LatinLetterShare(vocabulary));
    }

    /// <summary>Share of the letters of all tokens (counting repeats) that are ASCII a–z; 1 when there are none.</summary>
    private static double LatinLetterShare(TermVocabulary vocabulary)
    {
        long letters = 0;
        long latin = 0;
        for (int s = 0; s < vocabulary.SurfaceCount; s++)
        {
            int count = vocabulary.SurfaceCounts[s];
            foreach (char c in vocabulary.Surfaces[s])
            {
                if (char.IsLetter(c) || char.IsHighSurrogate(c))
                {
                    letters += count;
                    if (char.IsAsciiLetterLower(c))
                    {
                        latin += count;
                    }
                }
            }
        }

        return letters == 0 ? 1 : (double)latin / letters;
    }

    /// <summary>Grows the two id spaces as tokens arrive; the per-stem arrays grow by doubling.</summary>
    private sealed class VocabularyBuilder
    {
        private readonly Dictionary<string, int> _surfaceIds;
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _surfaceLookup;
        private readonly Dictionary<string, int> _contentStemIds;
        private readonly Dictionary<string, int> _stopStemIds = new(StringComparer.Ordinal);
        private readonly List<string> _surfaces;
        private readonly List<int> _surfaceCounts;
        private readonly List<string> _stems;
        private int[] _documentFrequency = new int[256];
        private int[] _totalCount = new int[256];

        /// <summary>Stem id of each surface id (read per token by the extraction loop, hence a bare array).</summary>
        public int[] SurfaceStem = new int[256];

        /// <summary>Per stem id: a stop word?</summary>
        public bool[] IsStop = new bool[256];

        /// <summary>Per stem id: occurrences in the message being read (reset by <see cref="Document"/>).</summary>
        public int[] MessageCounts = new int[256];

        public VocabularyBuilder(int expectedSurfaces)
        {
            // Distinct tokens grow slower than tokens; half the word count is a generous first guess.
            int capacity = Math.Max(16, expectedSurfaces / 2);
            _surfaceIds = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
            _surfaceLookup = _surfaceIds.GetAlternateLookup<ReadOnlySpan<char>>();
            _contentStemIds = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
            _surfaces = new List<string>(capacity);
            _surfaceCounts = new List<int>(capacity);
            _stems = new List<string>(capacity);
        }

        public int SurfaceId(ReadOnlySpan<char> token)
        {
            if (_surfaceLookup.TryGetValue(token, out int id))
            {
                _surfaceCounts[id]++;
                return id;
            }

            string surface = token.ToString();
            id = _surfaces.Count;
            _surfaceIds.Add(surface, id);
            _surfaces.Add(surface);
            _surfaceCounts.Add(1);
            EnsureCapacity(ref SurfaceStem, id);
            SurfaceStem[id] = StemId(surface);
            return id;
        }

        private int StemId(string surface)
        {
            bool stop = StopWords.Contains(surface);
            string stem = stop ? surface : PorterStemmer.Stem(surface);
            Dictionary<string, int> ids = stop ? _stopStemIds : _contentStemIds;
            if (ids.TryGetValue(stem, out int id))
            {
                return id;
            }

            id = _stems.Count;
            ids.Add(stem, id);
            _stems.Add(stem);
            EnsureCapacity(ref IsStop, id);
            EnsureCapacity(ref MessageCounts, id);
            EnsureCapacity(ref _documentFrequency, id);
            EnsureCapacity(ref _totalCount, id);
            IsStop[id] = stop;
            return id;
        }

        /// <summary>Freezes one message's counts (and resets the scratch counters it used).</summary>
        public TermDocument Document(List<int> tokens, List<int> touched)
        {
            touched.Sort();
            var terms = new int[touched.Count];
            var counts = new int[touched.Count];
            for (int t = 0; t < terms.Length; t++)
            {
                int stem = touched[t];
                terms[t] = stem;
                counts[t] = MessageCounts[stem];
                _documentFrequency[stem]++;
                _totalCount[stem] += MessageCounts[stem];
                MessageCounts[stem] = 0;
            }

            return new TermDocument(terms, counts, tokens.ToArray());
        }

        public TermVocabulary ToVocabulary()
        {
            int stemCount = _stems.Count;
            int surfaceCount = _surfaces.Count;
            var display = new string[stemCount];
            var displayCount = new int[stemCount];
            for (int s = 0; s < surfaceCount; s++)
            {
                int stem = SurfaceStem[s];
                string surface = _surfaces[s];
                int count = _surfaceCounts[s];
                if (display[stem] is null || count > displayCount[stem]
                    || (count == displayCount[stem] && string.CompareOrdinal(surface, display[stem]) < 0))
                {
                    display[stem] = surface;
                    displayCount[stem] = count;
                }
            }

            return new TermVocabulary(
                [.. _surfaces], SurfaceStem[..surfaceCount], [.. _surfaceCounts],
                [.. _stems], IsStop[..stemCount], display, _documentFrequency[..stemCount], _totalCount[..stemCount]);
        }

        private static void EnsureCapacity<T>(ref T[] array, int index)
        {
            if (index >= array.Length)
            {
                Array.Resize(ref array, Math.Max(array.Length * 2, index + 1));
            }
        }
    }
}
