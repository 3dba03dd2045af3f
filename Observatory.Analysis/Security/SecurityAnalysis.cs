using Observatory.Analysis.Core;

namespace Observatory.Analysis.Security;

/// <summary>
/// Computes <see cref="SecurityFindings"/>: prompt-injection evidence per message (<see cref="PromptInjectionDetector"/>).
/// <c>pii_redacted</c> is 0 here; the result's central redaction pass (<see cref="PiiRedactor"/>) fills it with the
/// number of replacements it makes in the result's quoted texts.
/// </summary>
/// <remarks>
/// <c>suspected</c> is true when any message carries a signal — including quoted or discussed ones, which the
/// signal marks with <c>quoted: true</c> so a reader can tell a red-team discussion from an attack. <c>indices</c>
/// lists every flagged message in ascending order; <c>signals</c> has one entry per message and kind, in kind order
/// instruction_override, role_hijack, prompt_exfiltration, fake_role_marker, hidden_text.
/// </remarks>
internal static class SecurityAnalysis
{
    public static SecurityFindings Analyze(ConversationProfile profile, CancellationToken cancellationToken)
    {
        var indices = new List<int>();
        var signals = new List<PromptInjectionSignal>();
        for (int i = 0; i < profile.MessageCount; i++)
        {
            CancellationCadence.ThrowIfDue(i, cancellationToken);
            InjectionScan scan = PromptInjectionDetector.Scan(profile.Messages[i].Content);
            if (!scan.Any)
            {
                continue;
            }

            // A message counts as suspected only if some evidence in it is addressed to the model; an attempt that is
            // only quoted or discussed ("our red team tried 'ignore previous instructions'") stays a signal, marked quoted.
            if ((scan.Kinds & ~scan.QuotedKinds) != 0)
            {
                indices.Add(i);
            }

            foreach (InjectionKind kind in InjectionKindNames.All)
            {
                if ((scan.Kinds & kind) != 0)
                {
                    signals.Add(new PromptInjectionSignal
                    {
                        Index = i,
                        Kind = InjectionKindNames.Of(kind),
                        Quoted = (scan.QuotedKinds & kind) != 0,
                    });
                }
            }
        }

        return new SecurityFindings
        {
            PromptInjection = new PromptInjectionFindings
            {
                Suspected = indices.Count > 0,
                Indices = indices,
                Signals = signals,
            },
            PiiRedacted = 0,
            PiiFound = CountPiiInConversation(profile, cancellationToken),
        };
    }

    /// <summary>
    /// How many values <see cref="PiiRedactor"/> would replace across all message texts — the exposure of the raw
    /// transcript, for callers that want it (the contract's <c>pii_redacted</c> counts quoted result text instead).
    /// </summary>
    public static int CountPiiInConversation(ConversationProfile profile, CancellationToken cancellationToken)
    {
        int count = 0;
        for (int i = 0; i < profile.MessageCount; i++)
        {
            CancellationCadence.ThrowIfDue(i, cancellationToken);
            PiiRedactor.Redact(profile.Messages[i].Content, ref count);
        }

        return count;
    }
}
