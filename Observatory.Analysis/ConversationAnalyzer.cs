using Observatory.Analysis.Core;
using Observatory.Analysis.Dynamics;
using Observatory.Analysis.Summary;

namespace Observatory.Analysis;

/// <summary>
/// The built-in engine: pure and deterministic (no I/O, clock or randomness), so the same conversation and options
/// always give the same result. Stateless and safe to share between threads.
/// </summary>
/// <remarks>
/// Computed so far: <c>conversation</c> and <c>patterns.dynamics</c>. Every other family, and confidence and
/// security, stays null and the lists stay empty until their analyses exist — the engine never reports a value it
/// did not compute.
/// </remarks>
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

        cancellationToken.ThrowIfCancellationRequested();
        DynamicsPattern? dynamics = patterns.Contains(PatternFamily.Dynamics)
            ? DynamicsAnalysis.Analyze(profile, cancellationToken)
            : null;

        return new AnalysisResult
        {
            Conversation = summary,
            Patterns = new PatternResults
            {
                Dialectic = null,
                Sentiment = null,
                Topics = null,
                Dynamics = dynamics,
                Recursive = null,
            },
            Themes = [],
            KeyMoments = [],
            Insights = [],
            Confidence = null,
            Security = null,
            Engine = EngineSummary.BuiltIn,
            Timings = AnalysisTimings.Zero,
        };
    }
}
