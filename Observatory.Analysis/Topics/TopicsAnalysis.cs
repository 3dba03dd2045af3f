using Observatory.Analysis.Core;
using Observatory.Analysis.Text;
using Observatory.Analysis.Text.Terms;

namespace Observatory.Analysis.Topics;

/// <summary>
/// Computes <see cref="TopicsPattern"/>: global keywords by TF-IDF, segments by lexical cohesion (TextTiling over
/// windows of messages, see <see cref="LexicalCohesion"/> and <see cref="TopicBoundaries"/>), each segment labelled by
/// its top keywords and linked to an earlier, similar segment when the conversation returns to a topic.
/// </summary>
internal static class TopicsAnalysis
{
    public const int GlobalKeywordCount = 10;
    public const int SegmentKeywordCount = 5;
    public const int LabelKeywordCount = 3;
    public const string LabelSeparator = " · ";

    /// <summary>
    /// Cosine similarity (segment TF-IDF vectors) from which a later segment counts as returning to an earlier one.
    /// Two stretches about the same subject in chat share a handful of key terms and reach 0.3–0.7; unrelated stretches
    /// stay below 0.1.
    /// </summary>
    public const double ReturnSimilarity = 0.3;

    public static TopicsPattern Analyze(ConversationProfile profile, CancellationToken cancellationToken)
    {
        MessageTerms terms = TermExtractor.Extract(profile, cancellationToken);
        TermDocument[] documents = terms.Documents;
        TermVocabulary vocabulary = terms.Vocabulary;
        int n = documents.Length;
        int window = TopicWindow.Size(n);
        double[] idf = BlockIdf.Compute(terms, window);

        cancellationToken.ThrowIfCancellationRequested();
        int[] boundaries = n <= TopicWindow.MaxMessagesForSingleSegment || !terms.HasTerms
            ? []
            : TopicBoundaries.Find(
                LexicalCohesion.Curve(terms, idf, window, cancellationToken),
                window,
                TopicWindow.MinSegmentLength(window),
                TopicWindow.MaxSegments);

        cancellationToken.ThrowIfCancellationRequested();
        var scratch = new double[vocabulary.StemCount];
        var vectors = new List<WeightedTerms>(boundaries.Length + 1);
        var segments = new List<TopicSegment>(boundaries.Length + 1);
        for (int s = 0; s <= boundaries.Length; s++)
        {
            int start = s == 0 ? 0 : boundaries[s - 1];
            int end = s == boundaries.Length ? n - 1 : boundaries[s] - 1;
            WeightedTerms vector = WeightedTerms.Of(documents, start, end, idf, scratch);
            string[] keywords = [.. vector.Top(SegmentKeywordCount, vocabulary).Select(term => vocabulary.Display(term.Stem))];
            segments.Add(new TopicSegment
            {
                StartIndex = start,
                EndIndex = end,
                Label = string.Join(LabelSeparator, keywords.Take(LabelKeywordCount)),
                Keywords = keywords,
                ReturnsTo = EarlierSimilarSegment(vectors, vector),
            });
            vectors.Add(vector);
        }

        return new TopicsPattern
        {
            Keywords = GlobalKeywords(vocabulary, idf),
            Segments = segments,
            Shifts = boundaries.Length,
            Supported = terms.HasTerms && terms.LooksEnglish,
            Coverage = Precision.Ratio(terms.MessagesWithTerms, n),
        };
    }

    /// <summary>
    /// The most similar earlier segment that is not the immediately preceding one (a return means something else came
    /// in between), when the similarity reaches <see cref="ReturnSimilarity"/>; ties → the earlier segment.
    /// </summary>
    private static int? EarlierSimilarSegment(List<WeightedTerms> earlier, WeightedTerms current)
    {
        int? best = null;
        double bestSimilarity = ReturnSimilarity;
        for (int j = 0; j < earlier.Count - 1; j++)
        {
            double similarity = earlier[j].Cosine(current);
            if (similarity > bestSimilarity || (best is null && similarity >= bestSimilarity))
            {
                best = j;
                bestSimilarity = similarity;
            }
        }

        return best;
    }

    /// <summary>Content terms by total count × block IDF, top <see cref="GlobalKeywordCount"/>, weights scaled so the first is 1.</summary>
    private static IReadOnlyList<TopicKeyword> GlobalKeywords(TermVocabulary vocabulary, double[] idf)
    {
        var top = new List<(int Stem, double Weight)>(GlobalKeywordCount + 1);
        for (int stem = 0; stem < vocabulary.StemCount; stem++)
        {
            if (!vocabulary.IsStopWord(stem) && vocabulary.TotalCounts[stem] > 0)
            {
                TopTerms.Offer(top, GlobalKeywordCount, (stem, vocabulary.TotalCounts[stem] * idf[stem]), vocabulary);
            }
        }

        if (top.Count == 0)
        {
            return [];
        }

        double heaviest = top[0].Weight;
        return [.. top.Select(k => new TopicKeyword { Term = vocabulary.Display(k.Stem), Weight = Precision.Ratio(k.Weight, heaviest) })];
    }
}
