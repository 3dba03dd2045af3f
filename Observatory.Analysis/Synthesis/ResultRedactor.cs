using Observatory.Analysis.Security;

namespace Observatory.Analysis.Synthesis;

/// <summary>The last step before a result leaves the engine: every piece of quoted or derived text (exchanges, loop
/// phrases, callback terms, keywords, segment and theme labels, key-moment excerpts and reasons, insights) goes
/// through <see cref="PiiRedactor"/>, so no e-mail, phone, card, IP address or secret survives anywhere in the
/// result, however a family chose to quote it. The number of replacements becomes <c>security.pii_redacted</c>.</summary>
internal static class ResultRedactor
{
    public static AnalysisResult Redact(AnalysisResult result)
    {
        int count = 0;
        string R(string text) => PiiRedactor.Redact(text, ref count);
        IReadOnlyList<string> All(IReadOnlyList<string> texts) => texts.Select(R).ToArray();

        var patterns = result.Patterns;
        var redacted = result with
        {
            Patterns = patterns with
            {
                Dialectic = patterns.Dialectic is { } d ? d with
                {
                    Exchanges = d.Exchanges.Select(e => e with { Question = R(e.Question), Answer = R(e.Answer) }).ToArray(),
                } : null,
                Topics = patterns.Topics is { } t ? t with
                {
                    Keywords = t.Keywords.Select(k => k with { Term = R(k.Term) }).ToArray(),
                    Segments = t.Segments.Select(s => s with { Label = R(s.Label), Keywords = All(s.Keywords) }).ToArray(),
                } : null,
                Recursive = patterns.Recursive is { } rec ? rec with
                {
                    Loops = rec.Loops.Select(l => l with { Phrase = R(l.Phrase) }).ToArray(),
                    Callbacks = rec.Callbacks.Select(c => c with { Term = R(c.Term) }).ToArray(),
                } : null,
            },
            Themes = result.Themes.Select(t => t with { Label = R(t.Label) }).ToArray(),
            KeyMoments = result.KeyMoments.Select(m => m with { Excerpt = R(m.Excerpt), Reason = R(m.Reason) }).ToArray(),
            Insights = All(result.Insights),
        };
        return redacted with { Security = redacted.Security is { } s ? s with { PiiRedacted = s.PiiRedacted + count } : null };
    }
}
