using Observatory.Analysis.Text.Terms;

namespace Observatory.Analysis.Topics;

/// <summary>
/// The TF-IDF vector of a run of messages (a segment): count × <see cref="BlockIdf"/> weight per content term, as
/// ascending stem ids with weights, plus its top terms for labels. Built with one dense scratch array shared across
/// segments, so summing a segment costs its tokens, not the vocabulary.
/// </summary>
internal sealed class WeightedTerms
{
    private WeightedTerms(int[] stems, double[] weights)
    {
        Stems = stems;
        Weights = weights;
        double norm = 0;
        foreach (double weight in weights)
        {
            norm += weight * weight;
        }

        Norm = Math.Sqrt(norm);
    }

    public int[] Stems { get; }

    public double[] Weights { get; }

    public double Norm { get; }

    /// <summary>Sums messages first..last (inclusive) into a vector; <paramref name="scratch"/> must be all zeros and is left so.</summary>
    public static WeightedTerms Of(TermDocument[] documents, int first, int last, double[] idf, double[] scratch)
    {
        var touched = new List<int>();
        for (int i = first; i <= last; i++)
        {
            TermDocument document = documents[i];
            for (int t = 0; t < document.Terms.Length; t++)
            {
                int stem = document.Terms[t];
                if (scratch[stem] == 0)
                {
                    touched.Add(stem);
                }

                scratch[stem] += document.Counts[t];
            }
        }

        touched.Sort();
        var stems = touched.ToArray();
        var weights = new double[stems.Length];
        for (int t = 0; t < stems.Length; t++)
        {
            weights[t] = scratch[stems[t]] * idf[stems[t]];
            scratch[stems[t]] = 0;
        }

        return new WeightedTerms(stems, weights);
    }

    /// <summary>The <paramref name="count"/> heaviest terms; ties → the readable form that sorts first (ordinal).</summary>
    public IReadOnlyList<(int Stem, double Weight)> Top(int count, TermVocabulary vocabulary)
    {
        var top = new List<(int Stem, double Weight)>(count + 1);
        for (int t = 0; t < Stems.Length; t++)
        {
            TopTerms.Offer(top, count, (Stems[t], Weights[t]), vocabulary);
        }

        return top;
    }

    public double Cosine(WeightedTerms other)
    {
        if (Norm == 0 || other.Norm == 0)
        {
            return 0;
        }

        double dot = 0;
        int a = 0;
        int b = 0;
        while (a < Stems.Length && b < other.Stems.Length)
        {
            int difference = Stems[a] - other.Stems[b];
            if (difference == 0)
            {
                dot += Weights[a++] * other.Weights[b++];
            }
            else if (difference < 0)
            {
                a++;
            }
            else
            {
                b++;
            }
        }

        return dot / (Norm * other.Norm);
    }
}
