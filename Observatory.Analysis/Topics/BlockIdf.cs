using Observatory.Analysis.Text.Terms;

namespace Observatory.Analysis.Topics;

/// <summary>
/// Inverse document frequency where the "documents" are consecutive blocks of <see cref="TopicWindow.Size"/> messages.
/// Single messages are too short (a term rarely repeats inside one turn, so per-message IDF barely differs from raw
/// rarity) and the whole conversation is one document (IDF would be constant). Blocks behave like passages: a term
/// concentrated in one stretch of the conversation ("refund" in the billing part) gets a high weight, a term spread
/// over every stretch gets a low one.
/// </summary>
/// <remarks>idf(t) = ln(1 + B / df(t)) over B blocks — smoothed so a term in every block still weighs ln 2, not 0.</remarks>
internal static class BlockIdf
{
    public static double[] Compute(MessageTerms terms, int window)
    {
        TermDocument[] documents = terms.Documents;
        int stemCount = terms.Vocabulary.StemCount;
        var blockFrequency = new int[stemCount];
        var lastBlock = new int[stemCount];
        Array.Fill(lastBlock, -1);

        for (int i = 0; i < documents.Length; i++)
        {
            int block = i / window;
            foreach (int stem in documents[i].Terms)
            {
                if (lastBlock[stem] != block)
                {
                    lastBlock[stem] = block;
                    blockFrequency[stem]++;
                }
            }
        }

        int blocks = (documents.Length + window - 1) / window;
        var idf = new double[stemCount];
        for (int stem = 0; stem < stemCount; stem++)
        {
            if (blockFrequency[stem] > 0)
            {
                idf[stem] = Math.Log(1 + (double)blocks / blockFrequency[stem]);
            }
        }

        return idf;
    }
}
