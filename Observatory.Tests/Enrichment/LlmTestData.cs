using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Observatory.Analysis;
using Observatory.AnalysisWorker.Enrichment;
using Observatory.Tests.Fakes;

namespace Observatory.Tests.Enrichment;

internal static class LlmTestData
{
    public static Conversation Conversation(params (string Speaker, string Content)[] messages) =>
        new(messages.Select((m, i) => new ConversationMessage(i, m.Speaker, RoleInference.FromLabel(m.Speaker), m.Content, null)).ToList());

    public static Conversation Sample() => Conversation(
        ("Human", "Should we ship the release on Friday?"),
        ("AI", "Friday is risky: the migration has not been rehearsed."),
        ("Human", "Fair point. Could we rehearse it on Wednesday?"),
        ("AI", "Yes. Rehearse Wednesday, ship Friday if it passes."));

    /// <summary>The engine's result for <paramref name="conversation"/>, with the parts the enricher touches filled in
    /// (the engine may not compute them yet).</summary>
    public static AnalysisResult EngineResult(Conversation conversation, params string[] insights) =>
        new ConversationAnalyzer().Analyze(conversation, PatternFamilies.All) with
        {
            Insights = insights,
            Confidence = new ConfidenceAssessment
            {
                Score = 0.6,
                Level = ConfidenceLevel.Medium,
                Components = new ConfidenceComponents { Length = 0.4, Clarity = 0.8, ModelCertainty = null },
            },
            Security = new SecurityFindings
            {
                PromptInjection = new PromptInjectionFindings { Suspected = false, Indices = [] },
                PiiRedacted = 0,
            },
        };

    public static OpenAiLlmEnricher Enricher(FakeOpenAiServer server, Action<LlmOptions>? configure = null) =>
        Enricher(LlmConnection.Parse(server.ConnectionString), configure);

    public static OpenAiLlmEnricher Enricher(LlmConnection connection, Action<LlmOptions>? configure = null)
    {
        var options = new LlmOptions();
        configure?.Invoke(options);
        return new OpenAiLlmEnricher(connection, Options.Create(options), NullLogger<OpenAiLlmEnricher>.Instance);
    }
}
