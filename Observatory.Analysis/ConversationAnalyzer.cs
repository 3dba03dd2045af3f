using Observatory.Analysis.Core;
using Observatory.Analysis.Dynamics;
using Observatory.Analysis.Dialectic;
using Observatory.Analysis.Recursive;
using Observatory.Analysis.Security;
using Observatory.Analysis.Sentiment;
using Observatory.Analysis.Summary;
using Observatory.Analysis.Synthesis;
using Observatory.Analysis.Text.Terms;
using Observatory.Analysis.Topics;

namespace Observatory.Analysis;

/// <summary>
/// The built-in engine: pure and deterministic (no I/O, clock or randomness), so the same conversation and options
/// always give the same result. Stateless and safe to share between threads.
/// </summary>
public sealed class ConversationAnalyzer
{
    /// <exception cref="ArgumentException">The conversation has no messages.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public AnalysisResult Analyze(Conversation conversation, IReadOnlySet<PatternFamily> patterns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(conversation.Messages, nameof(conversation));
        ArgumentNullException.ThrowIfNull(patterns);
        if (conversation.Messages.Count == 0)
        {
            throw new ArgumentException("A conversation needs at least one message to be analyzed.", nameof(conversation));
        }

        cancellationToken.ThrowIfCancellationRequested();
        ConversationProfile profile = ConversationProfile.Build(conversation, cancellationToken);

        cancellationToken.ThrowIfCancellationRequested();
        ConversationSummary summary = ConversationSummaryBuilder.Build(profile, cancellationToken);

        // Every family runs whatever was requested: themes, key moments, insights and confidence draw on all of
        // them. The request only decides which families are shown under "patterns".
        cancellationToken.ThrowIfCancellationRequested();
        MessageTerms terms = TermExtractor.Extract(profile, cancellationToken);
        var readings = new FamilyReadings(
            profile,
            summary,
            DynamicsAnalysis.Analyze(profile, cancellationToken),
            SentimentAnalysis.Analyze(profile, cancellationToken, out double[] messageSentiment),
            messageSentiment,
            TopicsAnalysis.Analyze(profile, cancellationToken),
            RecursiveAnalysis.Analyze(profile, cancellationToken),
            DialecticAnalysis.Analyze(profile, cancellationToken),
            SecurityAnalysis.Analyze(profile, cancellationToken),
            terms);

        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<KeyMoment> keyMoments = KeyMomentFinder.Find(readings);
        var result = new AnalysisResult
        {
            Conversation = summary,
            Patterns = new PatternResults
            {
                Dialectic = patterns.Contains(PatternFamily.Dialectic) ? readings.Dialectic : null,
                Sentiment = patterns.Contains(PatternFamily.Sentiment) ? readings.Sentiment : null,
                Topics = patterns.Contains(PatternFamily.Topics) ? readings.Topics : null,
                Dynamics = patterns.Contains(PatternFamily.Dynamics) ? readings.Dynamics : null,
                Recursive = patterns.Contains(PatternFamily.Recursive) ? readings.Recursive : null,
            },
            Themes = ThemeFinder.Find(terms, profile.MessageCount),
            KeyMoments = keyMoments,
            Insights = InsightWriter.Write(readings, keyMoments),
            Confidence = ConfidenceEstimator.Estimate(readings, keyMoments),
            Security = readings.Security,
            Engine = EngineSummary.BuiltIn,
            Timings = AnalysisTimings.Zero,
            Messages = MessageTable.Build(readings, patterns, cancellationToken),
        };
        result = ResultRedactor.Redact(result);
        return result with { DetectedPatterns = PatternKinds.Detect(result) };
    }
}
