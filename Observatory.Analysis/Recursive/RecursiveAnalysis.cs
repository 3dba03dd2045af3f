using Observatory.Analysis.Core;
using Observatory.Analysis.Text;
using Observatory.Analysis.Text.Terms;

namespace Observatory.Analysis.Recursive;

/// <summary>
/// Computes <see cref="RecursivePattern"/>: how much the conversation repeats itself, where it loops (the same message
/// or phrase coming back, verbatim or politely rephrased, from either side), and where a later message calls back to a
/// term introduced much earlier.
/// </summary>
/// <remarks>
/// repetition_score = 0.6 × near-duplicate share + 0.4 × shingle redundancy, where the near-duplicate share is the
/// fraction of comparable messages (≥ 2 content words) that repeat an earlier message (<see cref="NearDuplicates"/>)
/// and the redundancy is the reuse of 3-word phrases (<see cref="PhraseLoops"/>). Message repeats weigh more because
/// they are what a reader experiences as "going round in circles"; phrase reuse adds the formulaic answers that are
/// not whole-message copies. Both parts are 0 for a varied conversation and approach 1 when every message repeats
/// the first.
/// </remarks>
internal static class RecursiveAnalysis
{
    public const double DuplicateWeight = 0.6;
    public const double RedundancyWeight = 0.4;

    /// <summary>At most this many loops are reported: the most repeated, ties → earliest.</summary>
    public const int MaxLoops = 20;

    public static RecursivePattern Analyze(ConversationProfile profile, CancellationToken cancellationToken)
    {
        MessageTerms terms = TermExtractor.Extract(profile, cancellationToken);
        NearDuplicates duplicates = NearDuplicates.Find(terms, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        PhraseLoops phrases = PhraseLoops.Find(terms, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        List<LoopCandidate> messageLoops = MessageLoops.Find(duplicates, terms, profile.Messages);
        List<LoopCandidate> loops = LoopSelection.Select(messageLoops, phrases.Loops, profile.MessageCount, MaxLoops);

        double duplicateShare = duplicates.Eligible == 0 ? 0 : (double)duplicates.Duplicates / duplicates.Eligible;
        double score = Math.Clamp((DuplicateWeight * duplicateShare) + (RedundancyWeight * phrases.Redundancy), 0, 1);
        return new RecursivePattern
        {
            RepetitionScore = Precision.Round(score),
            Loops = [.. loops.Select(loop => loop.ToLoop())],
            Callbacks = TermCallbacks.Find(terms, duplicates),
            NearDuplicateShare = Precision.Round(duplicateShare),
            ShingleRedundancy = Precision.Round(phrases.Redundancy),
            Supported = duplicates.Eligible > 0 && terms.LooksEnglish,
        };
    }
}
