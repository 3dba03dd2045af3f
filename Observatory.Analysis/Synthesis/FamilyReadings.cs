using Observatory.Analysis.Core;
using Observatory.Analysis.Text.Terms;

namespace Observatory.Analysis.Synthesis;

/// <summary>Everything the pattern families found, computed whether or not the caller asked to see each family:
/// themes, key moments, insights and confidence draw on all of them.</summary>
internal sealed record FamilyReadings(
    ConversationProfile Profile,
    ConversationSummary Summary,
    DynamicsPattern Dynamics,
    SentimentPattern Sentiment,
    double[] MessageSentiment,
    TopicsPattern Topics,
    RecursivePattern Recursive,
    DialecticPattern Dialectic,
    SecurityFindings Security,
    MessageTerms Terms);
