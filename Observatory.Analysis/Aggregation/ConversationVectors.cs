using Observatory.Analysis.Text.Terms;

namespace Observatory.Analysis.Aggregation;

/// <summary>
/// One unit-length sparse vector per conversation, for clustering by cosine similarity: the conversation's keywords
/// weighted by TF-IDF across the batch (keyword weight × smoothed inverse document frequency, so terms every
/// conversation shares count least), L2-normalised, scaled by √(1 − p); then its detected pattern kinds as a binary
/// vector, L2-normalised, scaled by √p (p = <see cref="BatchAggregateOptions.PatternWeight"/>). The dot product of two
/// such vectors is (1 − p) · keyword cosine + p · pattern cosine. A conversation without patterns keeps only its
/// keyword part, renormalised.
/// </summary>
/// <remarks>
/// Keywords are matched across conversations by their Porter stem ("recipes" and "recipe" are one term), each
/// whitespace-separated word on its own (theme labels such as "tax / return" give two terms). Keyword dimensions
/// come first ([0, <see cref="TermCount"/>)), pattern dimensions after them.
/// </remarks>
internal sealed class ConversationVectors
{
    private readonly int[] _offsets;
    private readonly int[] _indices;
    private readonly double[] _values;
    private readonly int[] _surfaces;

    private ConversationVectors(int[] offsets, int[] indices, double[] values, int[] surfaces, string[] termKeys, string[] surfaceTexts, int dimensions)
    {
        _offsets = offsets;
        _indices = indices;
        _values = values;
        _surfaces = surfaces;
        TermKeys = termKeys;
        SurfaceTexts = surfaceTexts;
        Dimensions = dimensions;
    }

    public int Count => _offsets.Length - 1;

    public int Dimensions { get; }

    /// <summary>Number of keyword dimensions; pattern dimensions follow.</summary>
    public int TermCount => TermKeys.Length;

    /// <summary>Stem of each keyword dimension.</summary>
    public string[] TermKeys { get; }

    /// <summary>Lower-cased words as the conversations' keywords spelled them, by surface id.</summary>
    public string[] SurfaceTexts { get; }

    public ReadOnlySpan<int> Indices(int point) => _indices.AsSpan(_offsets[point], _offsets[point + 1] - _offsets[point]);

    public ReadOnlySpan<double> Values(int point) => _values.AsSpan(_offsets[point], _offsets[point + 1] - _offsets[point]);

    /// <summary>For each entry of <see cref="Indices"/>: the surface id of a keyword dimension, -1 for a pattern dimension.</summary>
    public ReadOnlySpan<int> Surfaces(int point) => _surfaces.AsSpan(_offsets[point], _offsets[point + 1] - _offsets[point]);

    /// <summary>Cosine similarity of two conversations (both vectors have unit length).</summary>
    public double Dot(int a, int b)
    {
        ReadOnlySpan<int> ia = Indices(a), ib = Indices(b);
        ReadOnlySpan<double> va = Values(a), vb = Values(b);
        double sum = 0;
        int i = 0, j = 0;
        while (i < ia.Length && j < ib.Length)
        {
            int difference = ia[i] - ib[j];
            if (difference == 0)
            {
                sum += va[i++] * vb[j++];
            }
            else if (difference < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }

    public double Dot(int point, ReadOnlySpan<double> dense)
    {
        ReadOnlySpan<int> indices = Indices(point);
        ReadOnlySpan<double> values = Values(point);
        double sum = 0;
        for (int e = 0; e < indices.Length; e++)
        {
            sum += values[e] * dense[indices[e]];
        }

        return sum;
    }

    public void AddTo(int point, Span<double> dense)
    {
        ReadOnlySpan<int> indices = Indices(point);
        ReadOnlySpan<double> values = Values(point);
        for (int e = 0; e < indices.Length; e++)
        {
            dense[indices[e]] += values[e];
        }
    }

    /// <param name="digests">Conversations that each have at least one keyword word.</param>
    public static ConversationVectors Build(IReadOnlyList<ConversationDigest> digests, double patternWeight)
    {
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var termKeys = new List<string>();
        var surfaceIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var surfaceTexts = new List<string>();
        var patternIds = new Dictionary<string, int>(StringComparer.Ordinal);

        // Pass 1: each conversation's keyword terms (strongest weight per stem) and pattern ids; document frequencies.
        var keywordsByPoint = new List<(int Term, double Weight, int Surface)>[digests.Count];
        var patternsByPoint = new int[digests.Count][];
        var documentFrequency = new List<int>();
        var tokenizer = new TermTokenizer();
        for (int p = 0; p < digests.Count; p++)
        {
            var keywords = new List<(int Term, double Weight, int Surface)>();
            foreach (TopicKeyword keyword in digests[p].Keywords)
            {
                if (keyword.Weight <= 0)
                {
                    continue;
                }

                tokenizer.Reset(keyword.Term);
                while (tokenizer.TryNext(out ReadOnlySpan<char> token))
                {
                    string surface = token.ToString();
                    string key = PorterStemmer.Stem(surface);
                    if (!termIds.TryGetValue(key, out int term))
                    {
                        term = termKeys.Count;
                        termIds.Add(key, term);
                        termKeys.Add(key);
                        documentFrequency.Add(0);
                    }

                    if (!surfaceIds.TryGetValue(surface, out int surfaceId))
                    {
                        surfaceId = surfaceTexts.Count;
                        surfaceIds.Add(surface, surfaceId);
                        surfaceTexts.Add(surface);
                    }

                    int existing = keywords.FindIndex(k => k.Term == term);
                    double weight = keyword.Weight;
                    if (existing < 0)
                    {
                        keywords.Add((term, weight, surfaceId));
                        documentFrequency[term]++;
                    }
                    else if (weight > keywords[existing].Weight)
                    {
                        keywords[existing] = (term, weight, surfaceId);
                    }
                }
            }

            keywords.Sort((x, y) => x.Term.CompareTo(y.Term));
            keywordsByPoint[p] = keywords;

            var patterns = new SortedSet<int>();
            foreach (string pattern in digests[p].DetectedPatterns)
            {
                if (!patternIds.TryGetValue(pattern, out int id))
                {
                    id = patternIds.Count;
                    patternIds.Add(pattern, id);
                }

                patterns.Add(id);
            }

            patternsByPoint[p] = [.. patterns];
        }

        // Pass 2: weights, normalisation, flattening.
        int termCount = termKeys.Count;
        var idf = new double[termCount];
        for (int t = 0; t < termCount; t++)
        {
            idf[t] = Math.Log((1.0 + digests.Count) / (1.0 + documentFrequency[t])) + 1.0;
        }

        var offsets = new int[digests.Count + 1];
        var indices = new List<int>();
        var values = new List<double>();
        var surfaces = new List<int>();
        for (int p = 0; p < digests.Count; p++)
        {
            var keywords = keywordsByPoint[p];
            double keywordNorm = Math.Sqrt(keywords.Sum(k => Square(k.Weight * idf[k.Term])));
            int[] patterns = patternsByPoint[p];
            bool hasKeywords = keywordNorm > 0;
            bool hasPatterns = patterns.Length > 0;
            double keywordScale = !hasKeywords ? 0 : (hasPatterns ? Math.Sqrt(1 - patternWeight) : 1) / keywordNorm;
            double patternValue = !hasPatterns ? 0 : (hasKeywords ? Math.Sqrt(patternWeight) : 1) / Math.Sqrt(patterns.Length);

            foreach ((int term, double weight, int surface) in keywords)
            {
                double value = weight * idf[term] * keywordScale;
                if (value > 0)
                {
                    indices.Add(term);
                    values.Add(value);
                    surfaces.Add(surface);
                }
            }

            if (patternValue > 0)
            {
                foreach (int pattern in patterns)
                {
                    indices.Add(termCount + pattern);
                    values.Add(patternValue);
                    surfaces.Add(-1);
                }
            }

            offsets[p + 1] = indices.Count;
        }

        return new ConversationVectors(
            offsets, [.. indices], [.. values], [.. surfaces], [.. termKeys], [.. surfaceTexts], termCount + patternIds.Count);
    }

    /// <summary>Whether a digest has any keyword word this class can use (a keyword may be punctuation only).</summary>
    public static bool HasKeywords(ConversationDigest digest)
    {
        var tokenizer = new TermTokenizer();
        foreach (TopicKeyword keyword in digest.Keywords)
        {
            if (keyword.Weight <= 0)
            {
                continue;
            }

            tokenizer.Reset(keyword.Term);
            if (tokenizer.TryNext(out _))
            {
                return true;
            }
        }

        return false;
    }

    private static double Square(double value) => value * value;
}
