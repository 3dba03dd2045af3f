using System.Text.RegularExpressions;

namespace Observatory.Analysis.Security;

/// <summary>
/// Phrase patterns for prompt injection, source-generated. Each targets wording aimed at a model's instructions, not
/// ordinary requests: "ignore my previous message" or "ignore the errors" do not match, "ignore all previous
/// instructions" does. English plus the most common Spanish/German/French override phrasings.
/// </summary>
internal static partial class InjectionPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture;

    private const string Targets =
        @"(?:instructions?|prompts?|rules|directives?|guidelines|guardrails|programming|restrictions|constraints|policies|filters|training|context|commands|orders)";

    private const string StrongModifiers =
        @"(?:all|any|every|your|previous|prior|above|earlier|preceding|initial|original|system|safety|my|developer)";

    /// <summary>"ignore (all) previous instructions", "disregard the above", "forget your rules", "new instructions:".</summary>
    [GeneratedRegex(
        @"\b(?:ignore|disregard|forget|override|bypass|discard|abandon)\s+(?:(?:the|of|these|those|other|current|existing)\s+){0,3}"
        + StrongModifiers + @"\b(?:\s+(?:the|of|" + StrongModifiers + @"|content|existing|current|other|and))*\s+" + Targets + @"\b"
        + @"|\bdisregard\s+(?:all\s+of\s+|everything\s+)?(?:the\s+|everything\s+)?(?:above|previous|prior)(?=\s*(?:[.,;:!]|$|and\b|instead\b))"
        + @"|\b(?:forget|ignore)\s+(?:everything|all)\s+(?:you\s+(?:were|have\s+been)\s+told|above|before|previously|prior|so\s+far)\b"
        + @"|\bnew\s+(?:system\s+)?instructions\s*:"
        + @"|\byour\s+(?:new|real|true)\s+instructions\s+are\b"
        + @"|\b(?:note|notice|message|instructions?)\s+(?:to|for)\s+(?:the\s+|any\s+)?(?:ai|llm|assistant|chatbot|language\s+model|gpt|model)s?\b"
        + @"|\bif\s+you\s+are\s+(?:an?\s+)?(?:ai|llm|large\s+language\s+model|language\s+model|ai\s+assistant|chatbot|gpt)\b"
        + @"|\bignora(?:r)?\s+(?:todas\s+)?las\s+instrucciones\s+(?:anteriores|previas)"
        + @"|\bignorier(?:e|en)?\s+(?:alle\s+)?(?:vorherigen|bisherigen|obigen)\s+(?:Anweisungen|Instruktionen)"
        + @"|\bignore[rz]?\s+(?:toutes\s+)?(?:les\s+)?instructions\s+(?:précédentes|antérieures)",
        Options)]
    public static partial Regex InstructionOverride();

    /// <summary>"you are now DAN", "act as the system", "from now on you will act/answer/obey…", "enable developer mode".</summary>
    [GeneratedRegex(
        @"\byou(?:\s+are|['’]re|\s+r)\s+now\s+(?:(?-i:DAN)\b|an?\s+(?:unrestricted|unfiltered|uncensored|jailbroken|evil|rogue|different)\b"
        + @"|(?:in\s+)?(?:developer|god|admin|root|debug|jailbreak|unrestricted|sudo)\s+mode\b|jailbroken\b|free\s+(?:from|of)\b"
        + @"|no\s+longer\s+(?:bound|restricted|an?\s+ai|chatgpt|claude|an?\s+assistant)\b|the\s+system\b)"
        + @"|\bfrom\s+now\s+on,?\s+you\s+(?:will|must|shall|are\s+going\s+to|have\s+to|are)\s+(?:only\s+|always\s+|never\s+|now\s+)?(?:act|be|respond|answer|reply|ignore|obey|follow|pretend|say|speak|roleplay|play|behave|comply|output|refer|call\s+yourself|do\s+anything)\b"
        + @"|\bact\s+as\s+(?:the\s+|a\s+|an\s+|if\s+you\s+were\s+(?:the\s+|an?\s+)?)?(?:system|admin(?:istrator)?|root|developer\s+mode|(?-i:DAN)|unrestricted|unfiltered|uncensored|jailbroken)\b"
        + @"|\bpretend\s+(?:to\s+be|you\s+are|you['’]re)\s+(?:the\s+|a\s+|an\s+)?(?:system|(?-i:DAN)|admin|root|unrestricted|unfiltered|uncensored|jailbroken|an?\s+ai\s+(?:without|with\s+no))\b"
        + @"|\b(?:enable|enter|activate|switch\s+to|turn\s+on)\s+(?:developer|(?-i:DAN)|god|jailbreak|unrestricted|debug)\s+mode\b"
        + @"|\b(?-i:DAN)\s+mode\b|\bdo\s+anything\s+now\b"
        + @"|\byou\s+(?:have|now\s+have)\s+no\s+(?:restrictions|rules|limits|limitations|filters|guidelines|content\s+polic(?:y|ies))\b"
        + @"|\bi\s+am\s+your\s+(?:developer|creator|administrator|admin|owner|programmer)\b",
        Options)]
    public static partial Regex RoleHijack();

    /// <summary>Role hijacks phrased as facts about the model (reported as role_hijack): a declared mode switch ("the
    /// assistant is now in developer mode", "safety rules are disabled"); a persona imposed on it ("from now on you are
    /// RefundBot", "you are Max, an AI…", "you are … an AI with no restrictions" — not "our chatbot is an assistant
    /// without restrictions on topics"). Kept apart from <see cref="RoleHijack"/> and written to start at a rare
    /// literal ("is now", "with no"/"without", "from now", "you are" + a capitalised name), with the context in
    /// look-behinds, so the scan stays a fast literal search.</summary>
    [GeneratedRegex(
        @"(?<=\b(?:assistant|ai|model|bot|chatbot|chatgpt)\s+)is\s+now\s+(?:in\s+)?(?:developer|god|admin|root|debug|jailbreak|unrestricted|sudo|(?-i:DAN))\s+mode\b"
        + @"|\b(?:safety|ethical|ethics)\s+(?:rules|filters|restrictions|guidelines|guardrails|policies|protocols|settings)\s+(?:are|have\s+been|were)\s+(?:now\s+)?(?:disabled|removed|lifted|turned\s+off|off|suspended|deactivated|bypassed)\b"
        + @"|\bfrom\s+now\s+on,?\s+you\s+are\s+(?:now\s+)?(?:called\s+|named\s+)?(?-i:[A-Z])[A-Za-z0-9_-]*?(?:bot|gpt|ai)\b"
        + @"|\byou\s+are\s+(?:now\s+)?(?-i:[A-Z])[A-Za-z0-9_-]+,\s+(?:an?\s+)?(?:ai|assistant|chatbot|bot|language\s+model|model)\b"
        + @"|(?<=\b(?:you\s+are|you['’]re|act\s+as|pretend\s+to\s+be|become)\s+(?:now\s+)?(?:[\w-]+,?\s+){0,2}?an?\s+(?:ai|assistant|model|chatbot|bot)\s+)(?:with\s+no|without\s+(?:any\s+)?)(?:restrictions|rules|limits|limitations|filters|guidelines|censorship|boundaries|ethics)\b",
        Options)]
    public static partial Regex ModelPersona();

    /// <summary>"reveal your system prompt", "what are your instructions", "repeat everything above".</summary>
    [GeneratedRegex(
        @"\b(?:reveal|print|show|display|output|repeat|tell\s+me|leak|dump|give\s+me|share|write\s+out|recite|spell\s+out|what\s+(?:is|are|was|were)|what['’]s)\b"
        + @"[^.?!\n]{0,40}?\b(?:system|initial|hidden|secret|original|internal|pre-?)\s*(?:prompt|instructions|message)\b"
        + @"|\bwhat\s+(?:are|were)\s+your\s+(?:(?:exact|original|initial|real|full|secret|hidden|system)\s+)?(?:instructions|rules|guidelines|directives)\b"
        + @"|\b(?:reveal|print|show|display|output|repeat|leak|dump|recite)\s+(?:me\s+)?(?:all\s+)?your\s+(?:(?:exact|original|initial|real|full|secret|hidden)\s+)?(?:instructions|prompt|rules|guidelines|directives|configuration)\b"
        + @"|\b(?:repeat|print|output)\s+(?:everything|all|the\s+(?:text|words|lines|messages?))\s+(?:above|before|preceding)\b"
        + @"|\bwhat\s+were\s+you\s+told\s+(?:before|initially|at\s+the\s+start|to\s+do)\b",
        Options)]
    public static partial Regex PromptExfiltration();

    /// <summary>Chat-template and role markers inside message content: "&lt;|im_start|&gt;system", "[INST]",
    /// "&lt;&lt;SYS&gt;&gt;", "### System:", "System: you…"/"SYSTEM: The assistant…" at a line start (not
    /// "System: Ubuntu 22.04" in a bug report). Forged turns are <see cref="ForgedTurn"/>.</summary>
    [GeneratedRegex(
        @"<\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id|begin_of_text)\|>"
        + @"|\[/?INST\]|<</?SYS>>|\[/?SYSTEM\]|</?(?:system|system_prompt|sys)>"
        + @"|(?<=^|\n)[ \t]*\#{2,6}[ \t]*(?:system|assistant|instructions?)[ \t]*:"
        + @"|(?<=^|\n)[ \t]*system[ \t]*:[ \t]*(?:you|ignore|new|the\s+(?:user|assistant|ai|model|bot)|assistant|from\s+now|override|disregard|forget|act|safety|all\s+(?:rules|restrictions|filters)|developer\s+mode)\b",
        Options)]
    public static partial Regex FakeRoleMarker();

    /// <summary>Forged turns (reported as fake_role_marker): a line opening "assistant:" (or "AI:", "bot:") followed
    /// within four lines by one opening "user:"/"human:" — a message that writes the model's reply and then carries
    /// on as the user. Matched at the "user:" line, looking back for the assistant's, so the scan is a literal search.</summary>
    [GeneratedRegex(
        @"(?<=(?:^|\n)[ \t]*(?:assistant|ai|bot|chatbot|model|gpt|chatgpt)[ \t]*:[^\n]{0,500}\n(?:[^\n]{0,500}\n){0,3}?[ \t]*)(?:user|human)[ \t]*:",
        Options)]
    public static partial Regex ForgedTurn();

    /// <summary>Openings of containers a reader does not see: an HTML comment, or an element styled invisible
    /// (display:none, visibility:hidden, font-size:0, opacity:0, white/transparent text, the hidden attribute). The
    /// body is found by the caller with a bounded search for the closing tag, which keeps unclosed tags linear.</summary>
    [GeneratedRegex(
        @"<!--"
        + @"|<(?<tag>[a-z][a-z0-9]{0,10})\b[^>]{0,300}?(?:style\s*=\s*[""'][^""']{0,300}?(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d]*[1-9])|opacity\s*:\s*0(?![.\d]*[1-9])|color\s*:\s*(?:#fff(?:fff)?\b|white\b|transparent\b))|\shidden(?=[\s>=]))[^>]{0,300}>",
        Options)]
    public static partial Regex HiddenOpening();

    /// <summary>Text in a hidden container that speaks to a model.</summary>
    [GeneratedRegex(@"\b(?:ai|llm|assistant|chatbot|gpt|claude|gemini|language\s+model|instructions?|prompt|ignore|disregard)\b", Options)]
    public static partial Regex AddressedToModel();

    /// <summary>A negation just before a phrase: "never reveal your system prompt", "do not ignore previous instructions"
    /// (typical of system prompts and refusals, not of attacks). Anchored at the end of the text before the phrase.</summary>
    [GeneratedRegex(
        @"\b(?:never|not|don['’]t|do\s+not|won['’]t|will\s+not|cannot|can['’]t|can\s+not|shouldn['’]t|should\s+not|must\s+not|mustn['’]t|refuse\s+to|unable\s+to)\s+(?:\w+\s+){0,2}$",
        Options)]
    public static partial Regex NegationBefore();

    /// <summary>Wording that shows an injection phrase is being discussed rather than used (the caller skips matches
    /// inside an address or host name: "attacker@evil-mail.example" in a pasted e-mail is not a discussion).</summary>
    [GeneratedRegex(
        @"\b(?:prompt[\s-]injections?|injection\s+attacks?|red[\s-]?team(?:ing|ers?)?|attackers?|adversarial|payloads?|pentest(?:ing|ers?)?|penetration\s+test(?:ing)?|jailbreak(?:ing|s|\s+attempts?)|security\s+(?:test|review|audit|training)|phishing|social\s+engineering)\b",
        Options)]
    public static partial Regex DiscussionContext();
}
