using System.Buffers;
using System.Text.RegularExpressions;

namespace Observatory.Analysis.Security;

/// <summary>The injection kinds found in one message, and which of them were only quoted or discussed.</summary>
internal readonly record struct InjectionScan(InjectionKind Kinds, InjectionKind QuotedKinds)
{
    public static readonly InjectionScan None = new(InjectionKind.None, InjectionKind.None);

    public bool Any => Kinds != InjectionKind.None;
}

/// <summary>
/// Looks for prompt-injection evidence in one message: the phrase patterns of <see cref="InjectionPatterns"/>, hidden
/// text (<see cref="HiddenTextScanner"/>, invisible HTML, base64 blobs that decode to instructions). It only reports;
/// nothing is ever removed or rejected. A phrase right after a negation ("never reveal your system prompt", "do not
/// ignore previous instructions" — typical of system prompts and refusals) is not evidence.
/// </summary>
/// <remarks>
/// Quoted or discussed: a phrase occurrence counts as quoted when it sits inside quotation marks or code, or when the
/// message talks about such attacks ("prompt injection", "red team", "jailbreaks", "attacker", "payload"…). A kind is
/// reported with <c>quoted: true</c> only when every occurrence of it in the message is quoted — one direct use makes
/// it direct. "Our red team tried 'ignore previous instructions' on the bot" is therefore flagged (the transcript
/// does contain the phrase, and a researcher may want to see it) but marked quoted. Pasted content is not a quote:
/// a quotation of at least <see cref="PastedMinChars"/> characters that makes up most of the message (or is very
/// long) is a document handed to the model — an e-mail to triage, a web page to summarise — so instructions inside it
/// are direct (indirect injection), unless the message around it discusses attacks. Hidden text is never "quoted":
/// nobody hides a phrase they are merely discussing. Ordinary code, SQL and HTML do not match: the patterns need
/// instruction-override wording, chat-template tokens or invisible content addressed to a model.
/// </remarks>
internal static class PromptInjectionDetector
{
    /// <summary>A word at least one phrase pattern needs; messages without any skip the patterns entirely.</summary>
    private static readonly SearchValues<string> Anchors = SearchValues.Create(
        [
            "ignor", "disregard", "forget", "override", "bypass", "discard", "abandon", "instruction", "note", "message",
            "if you are", "now", "act as", "pretend", "mode", "have no", "i am your", "prompt", "your", "repeat", "told",
            "<|", "[inst", "[/inst", "<<sys", "<</sys", "[system", "[/system", "<sys", "</sys", "system", "<!--", "hidden",
            "style",
        ],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Further anchors, checked only when <see cref="Anchors"/> finds none: kept apart because one larger set
    /// makes the common check twice as slow ("mode" already covers "model", "now" covers "is now"/"from now").</summary>
    private static readonly SearchValues<string> MoreAnchors = SearchValues.Create(
        ["notice", "assistant", "chatbot", "an ai", "a bot", "safety", "user:", "human:"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Occurrences of one kind examined per message: enough to find a direct one among quotes, and a bound on
    /// the work a message made of thousands of repetitions can cause.</summary>
    private const int MaxMatchesPerKind = 64;

    /// <summary>Hidden containers examined per message, and how far a body may reach: bounds for hostile input.</summary>
    private const int MaxHiddenContainers = 32;
    private const int HiddenBodyWindow = 4000;

    /// <summary>A quotation this long that covers at least <see cref="PastedMinShare"/> of the message, or any quotation
    /// of <see cref="PastedLongChars"/>, is pasted content rather than a phrase being mentioned.</summary>
    private const int PastedMinChars = 120;
    private const double PastedMinShare = 0.5;
    private const int PastedLongChars = 400;

    /// <summary>How far back a negation is looked for ("do not ever really " fits).</summary>
    private const int NegationWindow = 40;

    /// <summary>Words <see cref="InjectionPatterns.ModelPersona"/> cannot match without: its look-behinds make a plain
    /// scan slow, so messages without any of these skip it.</summary>
    private static readonly SearchValues<string> PersonaGate = SearchValues.Create(
        ["is now", "safety", "ethic", "from now", "you are", "you're", "you’re", "act as", "pretend to be", "become"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>A forged turn needs a "user:"/"human:" line.</summary>
    private static readonly SearchValues<string> TurnGate = SearchValues.Create(["user:", "human:", "user :", "human :"], StringComparison.OrdinalIgnoreCase);

    private static readonly (Func<Regex> Pattern, InjectionKind Kind, SearchValues<string>? Gate)[] Phrases =
    [
        (InjectionPatterns.InstructionOverride, InjectionKind.InstructionOverride, null),
        (InjectionPatterns.RoleHijack, InjectionKind.RoleHijack, null),
        (InjectionPatterns.ModelPersona, InjectionKind.RoleHijack, PersonaGate),
        (InjectionPatterns.PromptExfiltration, InjectionKind.PromptExfiltration, null),
        (InjectionPatterns.FakeRoleMarker, InjectionKind.FakeRoleMarker, null),
        (InjectionPatterns.ForgedTurn, InjectionKind.FakeRoleMarker, TurnGate),
    ];

    public static InjectionScan Scan(string content)
    {
        InjectionKind kinds = InjectionKind.None, direct = InjectionKind.None;

        if (content.AsSpan().IndexOfAny(Anchors) >= 0 || content.AsSpan().IndexOfAny(MoreAnchors) >= 0)
        {
            ScanPhrases(content, ref kinds, ref direct);
        }

        if (HiddenTextScanner.MayHide(content))
        {
            HiddenTextFinding hidden = HiddenTextScanner.Scan(content);
            InjectionKind revealed = InjectionKind.None;
            if (hidden.Visible is { } visible)
            {
                // Phrases that only appear once invisible characters are removed were hidden on purpose.
                revealed |= PhraseKinds(visible) & ~kinds;
            }

            if (hidden.Smuggled is { } smuggled)
            {
                revealed |= PhraseKinds(smuggled);
            }

            if (hidden.Invisible || revealed != InjectionKind.None)
            {
                kinds |= revealed | InjectionKind.HiddenText;
                direct |= revealed | InjectionKind.HiddenText;
            }
        }

        if (content.Length >= EncodedPayloadScanner.MinRun && EncodedPayloadScanner.DecodeReadable(content) is { } payloads)
        {
            foreach (string payload in payloads)
            {
                InjectionKind decoded = PhraseKinds(payload);
                if (decoded != InjectionKind.None)
                {
                    kinds |= decoded | InjectionKind.HiddenText;
                    direct |= decoded | InjectionKind.HiddenText;
                }
            }
        }

        return kinds == InjectionKind.None ? InjectionScan.None : new InjectionScan(kinds, kinds & ~direct);
    }

    private static void ScanPhrases(string content, ref InjectionKind kinds, ref InjectionKind direct)
    {
        List<(int Start, int End)>? hiddenSpans = HiddenContainers(content, ref kinds, ref direct);
        bool? discussed = null;
        List<(int Start, int End)>? pasted = null;
        foreach ((Func<Regex> pattern, InjectionKind kind, SearchValues<string>? gate) in Phrases)
        {
            if (gate is not null && content.AsSpan().IndexOfAny(gate) < 0)
            {
                continue;
            }

            var quotation = new QuotationContext(content);
            int examined = 0;
            for (Match match = pattern().Match(content);
                 match.Success && (direct & kind) == 0 && examined++ < MaxMatchesPerKind;
                 match = match.NextMatch())
            {
                if (kind != InjectionKind.FakeRoleMarker && IsNegated(content, match.Index))
                {
                    continue;
                }

                kinds |= kind;
                if (hiddenSpans is not null && Inside(hiddenSpans, match.Index))
                {
                    kinds |= InjectionKind.HiddenText;
                    direct |= kind | InjectionKind.HiddenText;
                    continue;
                }

                discussed ??= IsDiscussion(content);
                if (discussed.Value)
                {
                    continue;
                }

                if (!quotation.IsInsideQuotes(match.Index) || Inside(pasted ??= PastedSpans(content), match.Index))
                {
                    direct |= kind;
                }
            }
        }
    }

    /// <summary>The message talks about attacks ("red team", "payload", "phishing"…), outside e-mail addresses and host
    /// names ("attacker@evil-mail.example" is part of an attack, not a discussion of one).</summary>
    private static bool IsDiscussion(string content)
    {
        int examined = 0;
        for (Match match = InjectionPatterns.DiscussionContext().Match(content);
             match.Success && examined++ < MaxMatchesPerKind;
             match = match.NextMatch())
        {
            int before = match.Index - 1, after = match.Index + match.Length;
            bool inAddress = before >= 0 && content[before] is '@' or '.' or '/'
                || after < content.Length && (content[after] == '@' || content[after] is '.' or '-' && after + 1 < content.Length && char.IsLetterOrDigit(content[after + 1]));
            if (!inAddress)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Quotations long enough to be pasted documents rather than mentioned phrases (see remarks).</summary>
    private static List<(int Start, int End)> PastedSpans(string content)
    {
        var pasted = new List<(int Start, int End)>();
        int visible = content.AsSpan().Trim().Length;
        foreach ((int start, int end) in QuotationContext.Spans(content))
        {
            int length = end - start;
            if (length >= PastedLongChars || length >= PastedMinChars && length >= PastedMinShare * visible)
            {
                pasted.Add((start, end));
            }
        }

        return pasted;
    }

    /// <summary>"Never reveal your system prompt": the words just before the match negate it.</summary>
    private static bool IsNegated(string content, int index)
    {
        int start = Math.Max(0, index - NegationWindow);
        return InjectionPatterns.NegationBefore().IsMatch(content.AsSpan(start, index - start));
    }

    /// <summary>Spans of HTML comments and invisibly styled elements (body up to the closing tag, or
    /// <see cref="HiddenBodyWindow"/> characters when unclosed); those whose text speaks to a model are hidden text.</summary>
    private static List<(int Start, int End)>? HiddenContainers(string content, ref InjectionKind kinds, ref InjectionKind direct)
    {
        if (!content.Contains('<'))
        {
            return null;
        }

        List<(int Start, int End)>? spans = null;
        Match match = InjectionPatterns.HiddenOpening().Match(content);
        for (int examined = 0; match.Success && examined < MaxHiddenContainers; examined++, match = match.NextMatch())
        {
            int bodyStart = match.Index + match.Length;
            ReadOnlySpan<char> window = content.AsSpan(bodyStart, Math.Min(HiddenBodyWindow, content.Length - bodyStart));
            Group tag = match.Groups["tag"];
            int close = tag.Success ? IndexOfClosingTag(window, tag.ValueSpan) : window.IndexOf("-->", StringComparison.Ordinal);
            ReadOnlySpan<char> body = close >= 0 ? window[..close] : window;
            (spans ??= []).Add((match.Index, bodyStart + body.Length));
            if (InjectionPatterns.AddressedToModel().IsMatch(body))
            {
                kinds |= InjectionKind.HiddenText;
                direct |= InjectionKind.HiddenText;
            }
        }

        return spans;
    }

    /// <summary>Index of "&lt;/tag" in <paramref name="window"/>, case-insensitive, or -1.</summary>
    private static int IndexOfClosingTag(ReadOnlySpan<char> window, ReadOnlySpan<char> tag)
    {
        int offset = 0;
        while (true)
        {
            int found = window[offset..].IndexOf("</", StringComparison.Ordinal);
            if (found < 0)
            {
                return -1;
            }

            int at = offset + found;
            ReadOnlySpan<char> rest = window[(at + 2)..];
            if (rest.StartsWith(tag, StringComparison.OrdinalIgnoreCase))
            {
                return at;
            }

            offset = at + 2;
        }
    }

    private static bool Inside(List<(int Start, int End)> spans, int position)
    {
        foreach ((int start, int end) in spans)
        {
            if (position >= start && position < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The phrase kinds present in text revealed from hiding (no quotation logic: it was hidden).</summary>
    private static InjectionKind PhraseKinds(string text)
    {
        InjectionKind kinds = InjectionKind.None;
        foreach ((Func<Regex> pattern, InjectionKind kind, SearchValues<string>? gate) in Phrases)
        {
            if ((gate is null || text.AsSpan().IndexOfAny(gate) >= 0) && pattern().IsMatch(text))
            {
                kinds |= kind;
            }
        }

        return kinds;
    }
}
