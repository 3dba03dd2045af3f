using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Observatory.Tests.Analysis.Evaluation;

/// <summary>
/// Checks the labelled expectations of an evaluation case against the result JSON (CONTRACT §3, snake_case), as a
/// client would read it. Every failure names the key and shows the actual value; all failures of a case are
/// collected, not just the first.
/// </summary>
/// <remarks>
/// <para><b>Spec shapes.</b>
/// <i>range</i>: a number (exactly equal) or <c>{"min": a, "max": b}</c> (either bound may be left out; inclusive).
/// <i>count</i>: a range applied to the length of a list.
/// <i>any-of</i>: a string or an array of strings; the actual value must be one of them.
/// <i>alternatives</i>: an array whose every element must be found; an element is a string or an array of strings
/// meaning "any one of these" (e.g. <c>[["never answered", "unanswered"], "Ada"]</c>).
/// Objects that accept an array accept a single object too. Unknown keys, and unknown fields inside a spec object,
/// fail loudly, so a typo can never pass silently.</para>
/// <para><b>Matching text.</b> <i>contains</i> is a case-insensitive substring test. A <i>term</i> matches when it
/// is equal ignoring case, or one is a prefix of the other, the shorter having ≥ 4 letters and the longer at most 3
/// more (light stemming: refund/refunds/refunded, migrate/migration does not); a multi-word actual term matches when
/// the whole term or any of its words matches.</para>
/// <para><b>Vocabulary.</b></para>
/// <list type="table">
/// <item><term>conversation.messages</term><description>range: conversation.messages (after normalization)</description></item>
/// <item><term>conversation.participants</term><description>count: conversation.participants</description></item>
/// <item><term>conversation.share</term><description><c>{speaker: range}</c> on participants[].share</description></item>
/// <item><term>sentiment.label / sentiment.trend</term><description>any-of</description></item>
/// <item><term>sentiment.overall / sentiment.slope</term><description>range</description></item>
/// <item><term>sentiment.by_speaker</term><description><c>{speaker: range}</c></description></item>
/// <item><term>sentiment.speaker_more_positive</term><description><c>["Ada", "Ben"]</c>: by_speaker.Ada &gt; by_speaker.Ben</description></item>
/// <item><term>sentiment.window</term><description><c>{from, to, min?, max?}</c> (or an array): the mean trajectory score of messages from..to (inclusive) is in range; robust to smoothing</description></item>
/// <item><term>sentiment.window_higher</term><description><c>{higher: [from, to], lower: [from, to], by?: d}</c>: the mean trajectory score over <c>higher</c> exceeds the one over <c>lower</c> (by at least d) — a calibration-free "the tone went down/up"</description></item>
/// <item><term>sentiment.coverage</term><description>range: share of messages the lexicon could read at all (low for other languages)</description></item>
/// <item><term>sentiment.shifts</term><description>count: sentiment.shifts</description></item>
/// <item><term>sentiment.shift_near</term><description><c>{index, within, to?, from?}</c> (or an array): some shift has |shift.index − index| ≤ within (and to/from any-of)</description></item>
/// <item><term>dialectic.questions / .answered / .answered_ratio</term><description>range</description></item>
/// <item><term>dialectic.unanswered</term><description>count: dialectic.unanswered (the list of unanswered question indices the integrator adds)</description></item>
/// <item><term>dialectic.unanswered_include</term><description><c>[indices]</c> all in dialectic.unanswered</description></item>
/// <item><term>dialectic.exchanges_include</term><description><c>{question, answer}</c> (or an array; answer may be an array = any of): an exchange links exactly that question to that answer</description></item>
/// <item><term>dialectic.structure</term><description>any-of</description></item>
/// <item><term>dialectic.moves.claim|challenge|concession|clarification|synthesis</term><description>range</description></item>
/// <item><term>topics.shifts</term><description>range</description></item>
/// <item><term>topics.segments</term><description>count: topics.segments</description></item>
/// <item><term>topics.supported</term><description>true or false: whether the text gave the topic analysis something it can read</description></item>
/// <item><term>topics.keywords_include</term><description>alternatives, term match against topics.keywords[].term</description></item>
/// <item><term>topics.keywords_exclude</term><description>strings; no keyword term-matches any of them</description></item>
/// <item><term>topics.segment_label_contains</term><description>alternatives: some segment's label contains it or one of its keywords term-matches it</description></item>
/// <item><term>topics.returns_to</term><description>strings: for each, segments i &lt; j &lt; k where i and k carry the term (label or keywords) and j does not — a topic that comes back</description></item>
/// <item><term>topics.boundary_near</term><description><c>{index, within}</c> (or an array): some segment after the first starts within ±within of index</description></item>
/// <item><term>dynamics.dominant_speaker</term><description>any-of</description></item>
/// <item><term>dynamics.balance / .turns / .turn_switch_rate</term><description>range</description></item>
/// <item><term>dynamics.response_seconds</term><description><c>"present"</c>, <c>"null"</c>, or <c>{speaker: range}</c></description></item>
/// <item><term>dynamics.longest_streak</term><description><c>{speaker?: any-of, messages?: range}</c></description></item>
/// <item><term>recursive.repetition_score</term><description>range</description></item>
/// <item><term>recursive.loops / recursive.callbacks</term><description>count</description></item>
/// <item><term>recursive.loop_phrase_contains</term><description>alternatives: some loop's phrase contains it</description></item>
/// <item><term>recursive.loop_overlaps</term><description><c>{from, to}</c> (or an array): some loop's span overlaps from..to</description></item>
/// <item><term>recursive.callback_terms_include</term><description>alternatives, term match against callbacks[].term</description></item>
/// <item><term>themes</term><description>count: themes</description></item>
/// <item><term>themes.label_contains</term><description>alternatives: some theme label contains it (or a word of it term-matches)</description></item>
/// <item><term>key_moments</term><description>count: key_moments</description></item>
/// <item><term>key_moments.kinds_include</term><description>alternatives over key_moments[].kind</description></item>
/// <item><term>key_moments.kinds_exclude</term><description>strings: no key moment has any of these kinds</description></item>
/// <item><term>key_moments.near</term><description><c>{index, within, kind?: any-of}</c> (or an array): some moment within ±within of index (of that kind)</description></item>
/// <item><term>insights</term><description>count: insights</description></item>
/// <item><term>insights.any_contains</term><description>alternatives: some insight contains it</description></item>
/// <item><term>insights.none_contains</term><description>strings: no insight contains any of them</description></item>
/// <item><term>confidence.level</term><description>any-of</description></item>
/// <item><term>confidence.score / confidence.components.length / confidence.components.clarity</term><description>range</description></item>
/// <item><term>security.prompt_injection.suspected</term><description>true or false</description></item>
/// <item><term>security.prompt_injection.indices_include / indices_exclude</term><description><c>[indices]</c> all in / none in prompt_injection.indices</description></item>
/// <item><term>security.pii_redacted</term><description>range</description></item>
/// <item><term>result.never_contains</term><description>strings: no string value or property name anywhere in the result, and not the serialized text, contains any of them (ordinal) — PII must be redacted</description></item>
/// </list>
/// </remarks>
internal static class ExpectationChecker
{
    private static readonly string[] MoveKinds = ["claim", "challenge", "concession", "clarification", "synthesis"];

    private static readonly Dictionary<string, Action<ExpectationContext>> Rules = BuildRules();

    /// <summary>Every key the vocabulary knows, in ordinal order.</summary>
    public static IReadOnlyList<string> Keys { get; } = Rules.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Checks every expectation; returns one line per failure (empty when all hold).</summary>
    /// <param name="result">The parsed result JSON.</param>
    /// <param name="serialized">The serialized result, for <c>result.never_contains</c>.</param>
    public static IReadOnlyList<string> Check(JsonObject result, string serialized, JsonObject expect)
    {
        var failures = new List<string>();
        foreach ((string key, JsonNode? spec) in expect)
        {
            if (!Rules.TryGetValue(key, out Action<ExpectationContext>? rule))
            {
                failures.Add($"{key}: UNKNOWN expectation key (typo?). Known keys: {string.Join(", ", Keys)}");
                continue;
            }

            try
            {
                rule(new ExpectationContext(result, serialized, key, spec, failures));
            }
            catch (MalformedSpecException exception)
            {
                failures.Add($"{key}: MALFORMED expectation: {exception.Message}; spec: {Show(spec)}");
            }
            catch (Exception exception) when (exception is InvalidOperationException or FormatException or JsonException)
            {
                failures.Add($"{key}: MALFORMED expectation or unexpected result shape: {exception.Message}; spec: {Show(spec)}");
            }
        }

        return failures;
    }

    private static Dictionary<string, Action<ExpectationContext>> BuildRules()
    {
        var rules = new Dictionary<string, Action<ExpectationContext>>(StringComparer.Ordinal)
        {
            ["conversation.messages"] = e => e.Range("conversation.messages"),
            ["conversation.participants"] = e => e.Count("conversation.participants"),
            ["conversation.share"] = e => e.PerSpeaker("conversation.participants", fromParticipants: "share"),

            ["sentiment.label"] = e => e.AnyOf("patterns.sentiment.label"),
            ["sentiment.trend"] = e => e.AnyOf("patterns.sentiment.trend"),
            ["sentiment.overall"] = e => e.Range("patterns.sentiment.overall"),
            ["sentiment.slope"] = e => e.Range("patterns.sentiment.slope"),
            ["sentiment.by_speaker"] = e => e.PerSpeaker("patterns.sentiment.by_speaker"),
            ["sentiment.speaker_more_positive"] = SpeakerMorePositive,
            ["sentiment.window"] = SentimentWindow,
            ["sentiment.window_higher"] = SentimentWindowHigher,
            ["sentiment.coverage"] = e => e.Range("patterns.sentiment.coverage"),
            ["sentiment.shifts"] = e => e.Count("patterns.sentiment.shifts"),
            ["sentiment.shift_near"] = SentimentShiftNear,

            ["dialectic.questions"] = e => e.Range("patterns.dialectic.questions"),
            ["dialectic.answered"] = e => e.Range("patterns.dialectic.answered"),
            ["dialectic.answered_ratio"] = e => e.Range("patterns.dialectic.answered_ratio"),
            ["dialectic.unanswered"] = e => e.Count("patterns.dialectic.unanswered"),
            ["dialectic.unanswered_include"] = e => e.IndicesInclude("patterns.dialectic.unanswered", include: true),
            ["dialectic.exchanges_include"] = ExchangesInclude,
            ["dialectic.structure"] = e => e.AnyOf("patterns.dialectic.structure"),

            ["topics.shifts"] = e => e.Range("patterns.topics.shifts"),
            ["topics.segments"] = e => e.Count("patterns.topics.segments"),
            ["topics.supported"] = e => e.Boolean("patterns.topics.supported"),
            ["topics.keywords_include"] = KeywordsInclude,
            ["topics.keywords_exclude"] = KeywordsExclude,
            ["topics.segment_label_contains"] = SegmentLabelContains,
            ["topics.returns_to"] = TopicReturnsTo,
            ["topics.boundary_near"] = TopicBoundaryNear,

            ["dynamics.dominant_speaker"] = e => e.AnyOf("patterns.dynamics.dominant_speaker"),
            ["dynamics.balance"] = e => e.Range("patterns.dynamics.balance"),
            ["dynamics.turns"] = e => e.Range("patterns.dynamics.turns"),
            ["dynamics.turn_switch_rate"] = e => e.Range("patterns.dynamics.turn_switch_rate"),
            ["dynamics.response_seconds"] = ResponseSeconds,
            ["dynamics.longest_streak"] = LongestStreak,

            ["recursive.repetition_score"] = e => e.Range("patterns.recursive.repetition_score"),
            ["recursive.loops"] = e => e.Count("patterns.recursive.loops"),
            ["recursive.loop_phrase_contains"] = e => e.TextsContain("patterns.recursive.loops", "phrase", termMatch: false),
            ["recursive.loop_overlaps"] = LoopOverlaps,
            ["recursive.callbacks"] = e => e.Count("patterns.recursive.callbacks"),
            ["recursive.callback_terms_include"] = e => e.TextsContain("patterns.recursive.callbacks", "term", termMatch: true),

            ["themes"] = e => e.Count("themes"),
            ["themes.label_contains"] = e => e.TextsContain("themes", "label", termMatch: false, orWordTermMatch: true),
            ["key_moments"] = e => e.Count("key_moments"),
            ["key_moments.kinds_include"] = e => e.TextsContain("key_moments", "kind", termMatch: false, exact: true),
            ["key_moments.kinds_exclude"] = KindsExclude,
            ["key_moments.near"] = KeyMomentNear,
            ["insights"] = e => e.Count("insights"),
            ["insights.any_contains"] = e => e.TextsContain("insights", field: null, termMatch: false),
            ["insights.none_contains"] = InsightsNoneContain,

            ["confidence.level"] = e => e.AnyOf("confidence.level"),
            ["confidence.score"] = e => e.Range("confidence.score"),
            ["confidence.components.length"] = e => e.Range("confidence.components.length"),
            ["confidence.components.clarity"] = e => e.Range("confidence.components.clarity"),

            ["security.prompt_injection.suspected"] = e => e.Boolean("security.prompt_injection.suspected"),
            ["security.prompt_injection.indices_include"] = e => e.IndicesInclude("security.prompt_injection.indices", include: true),
            ["security.prompt_injection.indices_exclude"] = e => e.IndicesInclude("security.prompt_injection.indices", include: false),
            ["security.pii_redacted"] = e => e.Range("security.pii_redacted"),
            ["result.never_contains"] = NeverContains,
        };

        foreach (string move in MoveKinds)
        {
            rules[$"dialectic.moves.{move}"] = e => e.Range($"patterns.dialectic.moves.{move}");
        }

        return rules;
    }

    // ---- Rules that need more than one generic helper -------------------------------------------------------

    private static void SpeakerMorePositive(ExpectationContext e)
    {
        string[] pair = Spec.Strings(e.SpecNode);
        if (pair.Length != 2)
        {
            throw new MalformedSpecException("expected [\"more positive speaker\", \"less positive speaker\"]");
        }

        if (e.Object("patterns.sentiment.by_speaker") is not { } bySpeaker)
        {
            return;
        }

        if (Spec.Number(bySpeaker[pair[0]]) is not { } higher || Spec.Number(bySpeaker[pair[1]]) is not { } lower)
        {
            e.Fail($"by_speaker lacks {pair[0]} or {pair[1]}", bySpeaker);
        }
        else if (!(higher > lower))
        {
            e.Fail($"expected {pair[0]} ({higher}) to be more positive than {pair[1]} ({lower})", bySpeaker);
        }
    }

    // Every rule reads its whole spec before it looks at the result, so a malformed spec fails even while the
    // family it checks is still null.

    private static void SentimentWindow(ExpectationContext e)
    {
        var windows = Spec.Objects(e.SpecNode).Select(window =>
        {
            Spec.RequireOnly(window, "from", "to", "min", "max");
            var bounds = new JsonObject(window.Where(entry => entry.Key is "min" or "max").Select(entry => KeyValuePair.Create(entry.Key, entry.Value?.DeepClone())));
            Spec.RequireRange(bounds);
            return (From: Spec.Int(window, "from"), To: Spec.Int(window, "to"), Bounds: bounds);
        }).ToArray();
        if (e.Array("patterns.sentiment.trajectory") is not { } trajectory)
        {
            return;
        }

        foreach ((int from, int to, JsonObject bounds) in windows)
        {
            double[] scores = ScoresBetween(trajectory, from, to);
            if (scores.Length == 0)
            {
                e.Fail($"no trajectory point in {from}..{to}", trajectory);
                continue;
            }

            double mean = scores.Average();
            if (!Spec.InRange(bounds, mean))
            {
                e.Fail($"mean score of messages {from}..{to} should be {Spec.DescribeRange(bounds)}",
                    JsonValue.Create(Math.Round(mean, 4)), $"points: {string.Join(", ", scores.Select(s => s.ToString(CultureInfo.InvariantCulture)))}");
            }
        }
    }

    private static void SentimentWindowHigher(ExpectationContext e)
    {
        JsonObject want = e.SpecNode as JsonObject ?? throw new MalformedSpecException("expected {higher: [from, to], lower: [from, to], by?}");
        Spec.RequireOnly(want, "higher", "lower", "by");
        int[] higher = Spec.Ints(want["higher"]);
        int[] lower = Spec.Ints(want["lower"]);
        double by = want["by"] is { } byNode ? Spec.Number(byNode) ?? throw new MalformedSpecException("'by' must be a number") : 0;
        if (higher.Length != 2 || lower.Length != 2)
        {
            throw new MalformedSpecException("'higher' and 'lower' are [from, to]");
        }

        if (e.Array("patterns.sentiment.trajectory") is not { } trajectory)
        {
            return;
        }

        double[] high = ScoresBetween(trajectory, higher[0], higher[1]);
        double[] low = ScoresBetween(trajectory, lower[0], lower[1]);
        if (high.Length == 0 || low.Length == 0 || !(high.Average() > low.Average() + by))
        {
            e.Fail($"mean of {higher[0]}..{higher[1]} should exceed mean of {lower[0]}..{lower[1]}{(by > 0 ? $" by {by}" : "")}", null,
                $"means: {Mean(high)} vs {Mean(low)}");
        }

        static string Mean(double[] scores) =>
            scores.Length == 0 ? "none" : Math.Round(scores.Average(), 4).ToString(CultureInfo.InvariantCulture);
    }

    private static double[] ScoresBetween(JsonArray trajectory, int from, int to) =>
        trajectory.OfType<JsonObject>()
            .Where(point => Spec.Int(point, "index") is var index && index >= from && index <= to)
            .Select(point => Spec.Number(point["score"]) ?? double.NaN)
            .ToArray();

    private static void SentimentShiftNear(ExpectationContext e)
    {
        var wanted = Spec.Objects(e.SpecNode).Select(want =>
        {
            Spec.RequireOnly(want, "index", "within", "to", "from");
            return (Index: Spec.Int(want, "index"), Within: Spec.Int(want, "within"),
                To: want["to"] is { } to ? Spec.Strings(to) : null, From: want["from"] is { } from ? Spec.Strings(from) : null);
        }).ToArray();
        if (e.Array("patterns.sentiment.shifts") is not { } shifts)
        {
            return;
        }

        foreach ((int index, int within, string[]? to, string[]? from) in wanted)
        {
            bool found = shifts.OfType<JsonObject>().Any(shift =>
                Math.Abs(Spec.Int(shift, "index") - index) <= within
                && (to is null || to.Contains(Spec.Text(shift["to"]), StringComparer.Ordinal))
                && (from is null || from.Contains(Spec.Text(shift["from"]), StringComparer.Ordinal)));
            if (!found)
            {
                e.Fail($"no shift within ±{within} of message {index}{(to is null ? "" : $" to {string.Join("|", to)}")}{(from is null ? "" : $" from {string.Join("|", from)}")}", shifts);
            }
        }
    }

    private static void ExchangesInclude(ExpectationContext e)
    {
        var wanted = Spec.Objects(e.SpecNode).Select(want =>
        {
            Spec.RequireOnly(want, "question", "answer");
            return (Question: Spec.Int(want, "question"), Answers: Spec.Ints(want["answer"] ?? throw new MalformedSpecException("'answer' is required")));
        }).ToArray();
        if (e.Array("patterns.dialectic.exchanges") is not { } exchanges)
        {
            return;
        }

        foreach ((int question, int[] answers) in wanted)
        {
            bool found = exchanges.OfType<JsonObject>().Any(exchange =>
                Spec.Int(exchange, "question_index") == question && answers.Contains(Spec.Int(exchange, "answer_index")));
            if (!found)
            {
                e.Fail($"no exchange linking question {question} to answer {string.Join("|", answers)}",
                    new JsonArray(exchanges.OfType<JsonObject>().Select(x => (JsonNode)$"{x["question_index"]}→{x["answer_index"]}").ToArray()));
            }
        }
    }

    private static void KeywordsInclude(ExpectationContext e)
    {
        string[][] groups = Spec.Alternatives(e.SpecNode);
        if (e.Array("patterns.topics.keywords") is not { } keywords)
        {
            return;
        }

        string[] terms = keywords.OfType<JsonObject>().Select(k => Spec.Text(k["term"])).ToArray();
        foreach (string[] alternatives in groups)
        {
            if (!alternatives.Any(want => terms.Any(term => Text.TermMatches(term, want))))
            {
                e.Fail($"no keyword matches {string.Join(" | ", alternatives)}", new JsonArray(terms.Select(t => (JsonNode?)t).ToArray()));
            }
        }
    }

    private static void KeywordsExclude(ExpectationContext e)
    {
        string[] unwanted = Spec.Strings(e.SpecNode);
        if (e.Array("patterns.topics.keywords") is not { } keywords)
        {
            return;
        }

        string[] terms = keywords.OfType<JsonObject>().Select(k => Spec.Text(k["term"])).ToArray();
        foreach (string word in unwanted)
        {
            string[] hits = terms.Where(term => Text.TermMatches(term, word)).ToArray();
            if (hits.Length > 0)
            {
                e.Fail($"keyword(s) [{string.Join(", ", hits)}] should not be keywords (matched '{word}')", new JsonArray(terms.Select(t => (JsonNode?)t).ToArray()));
            }
        }
    }

    private static void SegmentLabelContains(ExpectationContext e)
    {
        string[][] groups = Spec.Alternatives(e.SpecNode);
        if (e.Array("patterns.topics.segments") is not { } segments)
        {
            return;
        }

        foreach (string[] alternatives in groups)
        {
            if (!segments.OfType<JsonObject>().Any(segment => alternatives.Any(want => SegmentCarries(segment, want))))
            {
                e.Fail($"no segment label or keywords carry {string.Join(" | ", alternatives)}", SegmentSummary(segments));
            }
        }
    }

    private static void TopicReturnsTo(ExpectationContext e)
    {
        string[] terms = Spec.Strings(e.SpecNode);
        if (e.Array("patterns.topics.segments") is not { } segments)
        {
            return;
        }

        JsonObject[] ordered = segments.OfType<JsonObject>().ToArray();
        foreach (string term in terms)
        {
            bool[] carries = ordered.Select(segment => SegmentCarries(segment, term)).ToArray();
            // Some segment without the term lies between two segments with it.
            int first = System.Array.IndexOf(carries, true);
            int last = System.Array.LastIndexOf(carries, true);
            bool returns = first >= 0 && last > first && carries[(first + 1)..last].Contains(false);
            if (!returns)
            {
                e.Fail($"'{term}' should carry a segment, give way to another topic and carry a later segment again", SegmentSummary(segments));
            }
        }
    }

    private static void TopicBoundaryNear(ExpectationContext e)
    {
        var wanted = Spec.Objects(e.SpecNode).Select(want =>
        {
            Spec.RequireOnly(want, "index", "within");
            return (Index: Spec.Int(want, "index"), Within: Spec.Int(want, "within"));
        }).ToArray();
        if (e.Array("patterns.topics.segments") is not { } segments)
        {
            return;
        }

        int[] starts = segments.OfType<JsonObject>().Skip(1).Select(segment => Spec.Int(segment, "start_index")).ToArray();
        foreach ((int index, int within) in wanted)
        {
            if (!starts.Any(start => Math.Abs(start - index) <= within))
            {
                e.Fail($"no topic boundary within ±{within} of message {index}", SegmentSummary(segments));
            }
        }
    }

    private static void ResponseSeconds(ExpectationContext e)
    {
        string? word = e.SpecNode is JsonValue value && value.TryGetValue(out string? text) ? text : null;
        if (word is not ("present" or "null") && e.SpecNode is not JsonObject)
        {
            throw new MalformedSpecException("expected \"present\", \"null\" or {speaker: range}");
        }

        if (e.SpecNode is JsonObject)
        {
            e.PerSpeaker("patterns.dynamics.response_seconds");
            return;
        }

        if (e.Object("patterns.dynamics") is not { } dynamics)
        {
            return;
        }

        JsonNode? actual = dynamics["response_seconds"];
        if (word == "present" && actual is not JsonObject { Count: > 0 })
        {
            e.Fail("expected median response times", actual);
        }
        else if (word == "null" && actual is not null)
        {
            e.Fail("expected null (no usable timestamps)", actual);
        }
    }

    private static void LongestStreak(ExpectationContext e)
    {
        JsonObject want = e.SpecNode as JsonObject ?? throw new MalformedSpecException("expected {speaker?, messages?}");
        Spec.RequireOnly(want, "speaker", "messages");
        string[]? speakers = want["speaker"] is { } speaker ? Spec.Strings(speaker) : null;
        JsonNode? messages = want["messages"];
        if (messages is not null)
        {
            Spec.RequireRange(messages);
        }

        if (e.Object("patterns.dynamics.longest_streak") is not { } streak)
        {
            return;
        }

        if (speakers is not null && !speakers.Contains(Spec.Text(streak["speaker"]), StringComparer.Ordinal))
        {
            e.Fail($"expected the longest streak by {string.Join("|", speakers)}", streak);
        }

        if (messages is not null && !Spec.InRange(messages, Spec.Number(streak["messages"]) ?? double.NaN))
        {
            e.Fail($"streak length should be {Spec.DescribeRange(messages)}", streak);
        }
    }

    private static void LoopOverlaps(ExpectationContext e)
    {
        var wanted = Spec.Objects(e.SpecNode).Select(want =>
        {
            Spec.RequireOnly(want, "from", "to");
            return (From: Spec.Int(want, "from"), To: Spec.Int(want, "to"));
        }).ToArray();
        if (e.Array("patterns.recursive.loops") is not { } loops)
        {
            return;
        }

        foreach ((int from, int to) in wanted)
        {
            if (!loops.OfType<JsonObject>().Any(loop => Spec.Int(loop, "start_index") <= to && Spec.Int(loop, "end_index") >= from))
            {
                e.Fail($"no loop overlaps messages {from}..{to}", loops);
            }
        }
    }

    private static void KindsExclude(ExpectationContext e)
    {
        string[] unwanted = Spec.Strings(e.SpecNode);
        if (e.Array("key_moments") is not { } moments)
        {
            return;
        }

        JsonObject[] hits = moments.OfType<JsonObject>().Where(m => unwanted.Contains(Spec.Text(m["kind"]), StringComparer.Ordinal)).ToArray();
        if (hits.Length > 0)
        {
            e.Fail($"no key moment should be {string.Join("|", unwanted)}", new JsonArray(hits.Select(h => (JsonNode?)h.DeepClone()).ToArray()));
        }
    }

    private static void KeyMomentNear(ExpectationContext e)
    {
        var wanted = Spec.Objects(e.SpecNode).Select(want =>
        {
            Spec.RequireOnly(want, "index", "within", "kind");
            return (Index: Spec.Int(want, "index"), Within: Spec.Int(want, "within"), Kinds: want["kind"] is { } kind ? Spec.Strings(kind) : null);
        }).ToArray();
        if (e.Array("key_moments") is not { } moments)
        {
            return;
        }

        foreach ((int index, int within, string[]? kinds) in wanted)
        {
            bool found = moments.OfType<JsonObject>().Any(moment =>
                Math.Abs(Spec.Int(moment, "index") - index) <= within
                && (kinds is null || kinds.Contains(Spec.Text(moment["kind"]), StringComparer.Ordinal)));
            if (!found)
            {
                e.Fail($"no key moment within ±{within} of message {index}{(kinds is null ? "" : $" of kind {string.Join("|", kinds)}")}",
                    new JsonArray(moments.OfType<JsonObject>().Select(m => (JsonNode)$"{m["index"]}:{m["kind"]}").ToArray()));
            }
        }
    }

    private static void InsightsNoneContain(ExpectationContext e)
    {
        string[] unwanted = Spec.Strings(e.SpecNode);
        if (e.Array("insights") is not { } insights)
        {
            return;
        }

        foreach (string text in unwanted)
        {
            if (insights.Any(insight => Spec.Text(insight).Contains(text, StringComparison.OrdinalIgnoreCase)))
            {
                e.Fail($"no insight should contain '{text}'", insights);
            }
        }
    }

    private static void NeverContains(ExpectationContext e)
    {
        foreach (string secret in Spec.Strings(e.SpecNode))
        {
            var places = new List<string>();
            FindText(e.Result, "$", secret, places);
            if (e.Serialized.Contains(secret, StringComparison.Ordinal) && places.Count == 0)
            {
                places.Add("(serialized text)");
            }

            if (places.Count > 0)
            {
                e.Fail($"'{secret}' leaked (must be redacted) at {string.Join(", ", places.Take(8))}", null);
            }
        }
    }

    private static void FindText(JsonNode? node, string path, string needle, List<string> places)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach ((string name, JsonNode? child) in obj)
                {
                    if (name.Contains(needle, StringComparison.Ordinal))
                    {
                        places.Add($"{path}.{name} (property name)");
                    }

                    FindText(child, $"{path}.{name}", needle, places);
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    FindText(array[i], $"{path}[{i}]", needle, places);
                }

                break;
            case JsonValue value when value.TryGetValue(out string? text) && text.Contains(needle, StringComparison.Ordinal):
                places.Add(path);
                break;
        }
    }

    private static bool SegmentCarries(JsonObject segment, string term) =>
        Spec.Text(segment["label"]).Contains(term, StringComparison.OrdinalIgnoreCase)
        || (segment["keywords"] as JsonArray ?? []).Any(keyword => Text.TermMatches(Spec.Text(keyword), term));

    private static JsonArray SegmentSummary(JsonArray segments) =>
        new(segments.OfType<JsonObject>()
            .Select(s => (JsonNode)$"{s["start_index"]}-{s["end_index"]} '{s["label"]}' [{string.Join(", ", (s["keywords"] as JsonArray ?? []).Select(k => Spec.Text(k)))}]")
            .ToArray());

    internal static string Show(JsonNode? node)
    {
        string text = node?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
        return text.Length <= 400 ? text : string.Concat(text.AsSpan(0, 400), "…");
    }

    // ---- Evaluation context and spec reading --------------------------------------------------------------

    /// <summary>One expectation being checked: the spec, the result, and where failures go.</summary>
    private sealed class ExpectationContext(JsonObject result, string serialized, string key, JsonNode? spec, List<string> failures)
    {
        public JsonObject Result => result;

        public string Serialized => serialized;

        public JsonNode? SpecNode => spec;

        public void Fail(string message, JsonNode? actual, string? detail = null) =>
            failures.Add($"{key}: {message}; actual: {Show(actual)}{(detail is null ? "" : $" ({detail})")}");

        /// <summary>The node at a dotted path, or null after reporting why it is missing.</summary>
        public JsonNode? Node(string path)
        {
            JsonNode? current = result;
            string walked = "";
            foreach (string segment in path.Split('.'))
            {
                walked = walked.Length == 0 ? segment : $"{walked}.{segment}";
                if (current is not JsonObject obj || !obj.TryGetPropertyValue(segment, out JsonNode? next))
                {
                    failures.Add($"{key}: the result has no '{walked}'");
                    return null;
                }

                if (next is null)
                {
                    failures.Add($"{key}: '{walked}' is null{(walked.StartsWith("patterns.", StringComparison.Ordinal) || walked is "confidence" or "security" ? " (not computed)" : "")}");
                    return null;
                }

                current = next;
            }

            return current;
        }

        public JsonArray? Array(string path) => Shaped<JsonArray>(path, "an array");

        public JsonObject? Object(string path) => Shaped<JsonObject>(path, "an object");

        public void Range(string path)
        {
            Spec.RequireRange(spec);
            if (Node(path) is not { } node)
            {
                return;
            }

            double? actual = Spec.Number(node);
            if (actual is null || !Spec.InRange(spec, actual.Value))
            {
                Fail($"should be {Spec.DescribeRange(spec)}", node);
            }
        }

        public void Boolean(string path)
        {
            bool want = spec is JsonValue value && value.TryGetValue(out bool flag) ? flag : throw new MalformedSpecException("expected true or false");
            if (Node(path) is not { } node)
            {
                return;
            }

            if (node is not JsonValue actual || !actual.TryGetValue(out bool found) || found != want)
            {
                Fail($"expected {(want ? "true" : "false")}", node);
            }
        }

        public void Count(string path)
        {
            Spec.RequireRange(spec);
            if (Array(path) is not { } array)
            {
                return;
            }

            if (!Spec.InRange(spec, array.Count))
            {
                Fail($"count {array.Count} should be {Spec.DescribeRange(spec)}", array);
            }
        }

        public void AnyOf(string path)
        {
            string[] allowed = Spec.Strings(spec);
            if (Node(path) is not { } node)
            {
                return;
            }

            if (!allowed.Contains(Spec.Text(node), StringComparer.Ordinal))
            {
                Fail($"expected any of [{string.Join(", ", allowed)}]", node);
            }
        }

        public void PerSpeaker(string path, string? fromParticipants = null)
        {
            JsonObject want = spec as JsonObject ?? throw new MalformedSpecException("expected {speaker: range}");
            foreach ((string _, JsonNode? range) in want)
            {
                Spec.RequireRange(range);
            }

            JsonObject? values;
            if (fromParticipants is not null)
            {
                if (Array(path) is not { } participants)
                {
                    return;
                }

                values = new JsonObject(participants.OfType<JsonObject>()
                    .Select(p => KeyValuePair.Create(Spec.Text(p["speaker"]), p[fromParticipants]?.DeepClone())));
            }
            else if ((values = Object(path)) is null)
            {
                return;
            }

            foreach ((string speaker, JsonNode? range) in want)
            {
                double? actual = values.TryGetPropertyValue(speaker, out JsonNode? value) ? Spec.Number(value) : null;
                if (actual is null || !Spec.InRange(range, actual.Value))
                {
                    Fail($"{speaker} should be {Spec.DescribeRange(range)}", values);
                }
            }
        }

        public void IndicesInclude(string path, bool include)
        {
            int[] wanted = Spec.Ints(spec);
            if (Array(path) is not { } array)
            {
                return;
            }

            int[] actual = array.Select(node => node!.GetValue<int>()).ToArray();
            int[] wrong = wanted.Where(index => actual.Contains(index) != include).ToArray();
            if (wrong.Length > 0)
            {
                Fail($"{(include ? "missing" : "should not contain")} [{string.Join(", ", wrong)}]", array);
            }
        }

        /// <summary>Each alternative group must be found in some element (its <paramref name="field"/>, or the element itself).</summary>
        public void TextsContain(string path, string? field, bool termMatch, bool orWordTermMatch = false, bool exact = false)
        {
            string[][] groups = Spec.Alternatives(spec);
            if (Array(path) is not { } array)
            {
                return;
            }

            string[] texts = array.Select(node => Spec.Text(field is null ? node : node?[field])).ToArray();
            foreach (string[] alternatives in groups)
            {
                bool found = alternatives.Any(want => texts.Any(text =>
                    exact ? string.Equals(text, want, StringComparison.Ordinal)
                    : termMatch ? Text.TermMatches(text, want)
                    : text.Contains(want, StringComparison.OrdinalIgnoreCase)
                      || (orWordTermMatch && Text.Words(text).Any(word => Text.TermMatches(word, want)))));
                if (!found)
                {
                    Fail($"nothing {(exact ? "equals" : termMatch ? "matches" : "contains")} {string.Join(" | ", alternatives)}",
                        new JsonArray(texts.Select(t => (JsonNode?)t).ToArray()));
                }
            }
        }

        private T? Shaped<T>(string path, string shape)
            where T : JsonNode
        {
            JsonNode? node = Node(path);
            if (node is null or T)
            {
                return node as T;
            }

            Fail($"'{path}' should be {shape}", node);
            return null;
        }
    }

    /// <summary>Reading spec values; malformed specs throw <see cref="MalformedSpecException"/>.</summary>
    private static class Spec
    {
        public static double? Number(JsonNode? node) =>
            node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
                ? double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                : null;

        public static string Text(JsonNode? node) =>
            node is JsonValue value && value.TryGetValue(out string? text) ? text : node?.ToJsonString() ?? "null";

        public static int Int(JsonObject obj, string field) =>
            obj[field] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
                ? value.GetValue<int>()
                : throw new MalformedSpecException($"'{field}' must be an integer");

        public static int[] Ints(JsonNode? node) => node switch
        {
            JsonArray array => array.Select(item => item is JsonValue v && v.GetValueKind() == JsonValueKind.Number
                ? v.GetValue<int>()
                : throw new MalformedSpecException("expected integers")).ToArray(),
            JsonValue value when value.GetValueKind() == JsonValueKind.Number => [value.GetValue<int>()],
            _ => throw new MalformedSpecException("expected an integer or an array of integers"),
        };

        public static string[] Strings(JsonNode? node) => node switch
        {
            JsonValue value when value.TryGetValue(out string? text) => [text],
            JsonArray array when array.Count > 0 => array.Select(item => item is JsonValue v && v.TryGetValue(out string? t)
                ? t
                : throw new MalformedSpecException("expected strings")).ToArray(),
            _ => throw new MalformedSpecException("expected a string or a non-empty array of strings"),
        };

        public static string[][] Alternatives(JsonNode? node) => node switch
        {
            JsonValue => [Strings(node)],
            JsonArray array when array.Count > 0 => array.Select(Strings).ToArray(),
            _ => throw new MalformedSpecException("expected a non-empty array of strings or arrays of strings"),
        };

        public static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
        {
            JsonObject obj => [obj],
            JsonArray array when array.Count > 0 && array.All(item => item is JsonObject) => array.Cast<JsonObject>(),
            _ => throw new MalformedSpecException("expected an object or a non-empty array of objects"),
        };

        public static void RequireOnly(JsonObject obj, params string[] allowed)
        {
            string[] unknown = obj.Select(entry => entry.Key).Where(key => !allowed.Contains(key, StringComparer.Ordinal)).ToArray();
            if (unknown.Length > 0)
            {
                throw new MalformedSpecException($"unknown field(s) [{string.Join(", ", unknown)}]; allowed: [{string.Join(", ", allowed)}]");
            }
        }

        /// <summary>Throws when <paramref name="range"/> is not a valid range spec.</summary>
        public static void RequireRange(JsonNode? range) => InRange(range, 0);

        /// <summary>A number means "exactly"; an object holds min and/or max.</summary>
        public static bool InRange(JsonNode? range, double actual)
        {
            if (double.IsNaN(actual))
            {
                return false;
            }

            if (Number(range) is { } exact)
            {
                return Math.Abs(actual - exact) < 1e-9;
            }

            if (range is not JsonObject bounds)
            {
                throw new MalformedSpecException("a range is a number or {\"min\", \"max\"}");
            }

            if (bounds.Any(entry => entry.Key is not ("min" or "max")))
            {
                throw new MalformedSpecException($"unknown range field(s) in {bounds.ToJsonString()}; allowed: min, max");
            }

            double? min = bounds.TryGetPropertyValue("min", out JsonNode? minNode) ? Number(minNode) ?? throw new MalformedSpecException("'min' must be a number") : null;
            double? max = bounds.TryGetPropertyValue("max", out JsonNode? maxNode) ? Number(maxNode) ?? throw new MalformedSpecException("'max' must be a number") : null;
            if (min is null && max is null)
            {
                throw new MalformedSpecException("a range needs 'min' or 'max'");
            }

            return (min is null || actual >= min - 1e-9) && (max is null || actual <= max + 1e-9);
        }

        public static string DescribeRange(JsonNode? range) => range switch
        {
            JsonValue => $"= {range.ToJsonString()}",
            JsonObject bounds => string.Join(" and ", new[]
            {
                bounds["min"] is { } min ? $"≥ {min.ToJsonString()}" : null,
                bounds["max"] is { } max ? $"≤ {max.ToJsonString()}" : null,
            }.OfType<string>()),
            _ => range?.ToJsonString() ?? "null",
        };
    }

    /// <summary>Text matching shared by the rules.</summary>
    private static class Text
    {
        private static readonly char[] WordSeparators = [' ', '_', '-', '/', ',', '&', '+', '·'];

        public static IEnumerable<string> Words(string text) => text.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries);

        public static bool TermMatches(string actual, string wanted)
        {
            if (SingleTermMatches(actual, wanted))
            {
                return true;
            }

            return !wanted.Contains(' ', StringComparison.Ordinal) && Words(actual).Skip(1).Any() && Words(actual).Any(word => SingleTermMatches(word, wanted));
        }

        private static bool SingleTermMatches(string actual, string wanted)
        {
            string a = actual.Trim().ToLowerInvariant();
            string b = wanted.Trim().ToLowerInvariant();
            if (a == b)
            {
                return true;
            }

            (string shorter, string longer) = a.Length <= b.Length ? (a, b) : (b, a);
            return shorter.Length >= 4 && longer.Length - shorter.Length <= 3 && longer.StartsWith(shorter, StringComparison.Ordinal);
        }
    }

    private sealed class MalformedSpecException(string message) : Exception(message);
}
