using Observatory.Analysis.Core;
using Observatory.Analysis.Text;
using Observatory.Analysis.Text.Terms;

namespace Observatory.Analysis.Recursive;

/// <summary>
/// Phrase-level repetition from word 3-gram shingles of stems: how redundant the conversation's phrasing is overall,
/// and phrases that recur in several messages close together ("I understand your frustration" at the top of every
/// answer) even when the rest of each message differs.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A shingle is three consecutive tokens (stop words included, so "reset my password" is one) of which at least
/// two are content words: "let me know if" or "thank you for" never count, so the politeness every conversation shares
/// is not repetition.</item>
/// <item>Redundancy = 1 − distinct / total over each message's distinct shingles: 0 when no phrase is ever reused,
/// → 1 when every message reuses earlier phrasing.</item>
/// <item>A phrase loop is a run of one shingle through at least <see cref="MinOccurrences"/> messages with gaps of at
/// most <see cref="MessageLoops.MaxGap"/> messages. Its phrase is the longest stretch around the shingle on which the
/// occurrences all agree (up to <see cref="MaxPhraseTokens"/> tokens, stop words trimmed from the ends), so the
/// overlapping shingles of one repeated sentence collapse into that sentence; phrases shorter than
/// <see cref="MinPhraseTokens"/> words are terms, not formulas, and are left out.</item>
/// </list>
/// One hash table keyed by the packed shingle (<see cref="ShingleRuns"/>) holds a small run state per distinct shingle:
/// linear in the tokens.
/// </remarks>
internal sealed class PhraseLoops
{
    public const int ShingleLength = 3;
    public const int MinContentTokens = 2;
    public const int MinOccurrences = 3;
    public const int MaxPhraseTokens = 12;

    /// <summary>
    /// A loop phrase is a formula ("understand your frustration with the delay"), not a term: the two- and three-word
    /// noun phrases a conversation keeps using ("support queue", "the error rate") are what it is about, which topics
    /// and callbacks report.
    /// </summary>
    public const int MinPhraseTokens = 4;

    private PhraseLoops(double redundancy, List<LoopCandidate> loops)
    {
        Redundancy = redundancy;
        Loops = loops;
    }

    /// <summary>0..1 (unrounded).</summary>
    public double Redundancy { get; }

    public List<LoopCandidate> Loops { get; }

    public static PhraseLoops Find(MessageTerms terms, CancellationToken cancellationToken)
    {
        TermDocument[] documents = terms.Documents;
        TermVocabulary vocabulary = terms.Vocabulary;
        int[] stems = vocabulary.SurfaceStems;
        bool[] stop = vocabulary.StopWordFlags;
        var ended = new List<ShingleRun>();
        long total = 0;
        int distinct;

        using (var runs = new ShingleRuns(terms.TokenCount))
        {
            for (int i = 0; i < documents.Length; i++)
            {
                CancellationCadence.ThrowIfDue(i, cancellationToken);
                int[] tokens = documents[i].Tokens;
                for (int p = 0; p + ShingleLength <= tokens.Length; p++)
                {
                    int a = stems[tokens[p]];
                    int b = stems[tokens[p + 1]];
                    int c = stems[tokens[p + 2]];
                    int content = (stop[a] ? 0 : 1) + (stop[b] ? 0 : 1) + (stop[c] ? 0 : 1);
                    if (content >= MinContentTokens
                        && runs.Add(((long)a << 42) ^ ((long)b << 21) ^ c, i, p, MessageLoops.MaxGap, ended))
                    {
                        total++;
                    }
                }
            }

            runs.AddOpenRuns(ended);
            distinct = runs.Distinct;
        }

        double redundancy = total == 0 ? 0 : (double)(total - distinct) / total;
        var loops = new List<LoopCandidate>();
        foreach (ShingleRun run in ended)
        {
            if (run.Members.Count >= MinOccurrences && Phrase(run, documents, vocabulary) is { } phrase)
            {
                loops.Add(new LoopCandidate(LoopCandidate.PhraseKind, phrase, run.Members));
            }
        }

        return new PhraseLoops(redundancy, loops);
    }

    /// <summary>
    /// The stretch around the shingle on which every occurrence of the run agrees, as lower-case words; null when it
    /// is shorter than <see cref="MinPhraseTokens"/>.
    /// </summary>
    private static string? Phrase(ShingleRun run, TermDocument[] documents, TermVocabulary vocabulary)
    {
        int[] stems = vocabulary.SurfaceStems;
        int[] first = documents[run.Members[0]].Tokens;
        int start = run.Positions[0];
        int end = start + ShingleLength;
        int left = 0;
        int right = 0;
        while (end - start < MaxPhraseTokens && AllAgree(run, documents, stems, start - 1, offset: -(left + 1)))
        {
            start--;
            left++;
        }

        while (end - start < MaxPhraseTokens && AllAgree(run, documents, stems, end, offset: ShingleLength + right))
        {
            end++;
            right++;
        }

        while (end - start > 1 && vocabulary.IsStopWord(stems[first[start]]))
        {
            start++;
        }

        while (end - start > 1 && vocabulary.IsStopWord(stems[first[end - 1]]))
        {
            end--;
        }

        return end - start < MinPhraseTokens
            ? null
            : Excerpts.Of(string.Join(' ', first[start..end].Select(surface => vocabulary.Surfaces[surface])));
    }

    /// <summary>Whether the token at <paramref name="offset"/> from the shingle start is the same stem in every member
    /// (<paramref name="firstIndex"/> is that token's index in the first member).</summary>
    private static bool AllAgree(ShingleRun run, TermDocument[] documents, int[] stems, int firstIndex, int offset)
    {
        int[] first = documents[run.Members[0]].Tokens;
        if (firstIndex < 0 || firstIndex >= first.Length)
        {
            return false;
        }

        int stem = stems[first[firstIndex]];
        for (int m = 1; m < run.Members.Count; m++)
        {
            int[] tokens = documents[run.Members[m]].Tokens;
            int index = run.Positions[m] + offset;
            if (index < 0 || index >= tokens.Length || stems[tokens[index]] != stem)
            {
                return false;
            }
        }

        return true;
    }
}
