namespace Observatory.Analysis.Security;

/// <summary>The engine's PII redaction for hosts that add text of their own to a result (the worker's LLM step),
/// so every quoted text in a result is redacted by the same rules.</summary>
public static class TextRedaction
{
    /// <summary>Replaces e-mails, phones, cards, IP addresses and secrets with [EMAIL], [PHONE], [CARD], [IP], [SECRET].</summary>
    public static string Redact(string text, out int count)
    {
        count = 0;
        return PiiRedactor.Redact(text, ref count);
    }
}
