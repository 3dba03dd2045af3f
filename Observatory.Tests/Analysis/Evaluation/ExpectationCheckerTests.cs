using System.Text.Json.Nodes;

namespace Observatory.Tests.Analysis.Evaluation;

/// <summary>The checker must catch what it claims to catch, or the evaluation set proves nothing.</summary>
public class ExpectationCheckerTests
{
    // A hand-written result in the contract's shape (only the parts these tests read).
    private const string ResultJson = """
        {
          "conversation": { "messages": 6, "participants": [ { "speaker": "Ada", "share": 0.8 }, { "speaker": "Ben", "share": 0.2 } ] },
          "patterns": {
            "dialectic": { "questions": 5, "answered": 3, "answered_ratio": 0.6, "unanswered": [2, 5], "structure": "support",
                           "exchanges": [ { "question_index": 0, "answer_index": 1 } ],
                           "moves": { "claim": 1, "challenge": 2, "concession": 0, "clarification": 0, "synthesis": 0 } },
            "sentiment": { "overall": 0.3, "label": "positive", "trend": "improving", "slope": 0.1,
                           "by_speaker": { "Ada": 0.5, "Ben": -0.2 },
                           "trajectory": [ { "index": 0, "score": -0.5 }, { "index": 1, "score": -0.3 }, { "index": 4, "score": 0.7 }, { "index": 5, "score": 0.9 } ],
                           "shifts": [ { "index": 4, "from": "negative", "to": "positive" } ] },
            "topics": { "keywords": [ { "term": "refunds", "weight": 1 }, { "term": "credit card", "weight": 0.5 } ],
                        "segments": [ { "start_index": 0, "end_index": 1, "label": "budget", "keywords": ["budget"] },
                                      { "start_index": 2, "end_index": 3, "label": "hiring", "keywords": ["hire"] },
                                      { "start_index": 4, "end_index": 5, "label": "budget review", "keywords": ["budget"] } ],
                        "shifts": 2 },
            "dynamics": { "dominant_speaker": "Ada", "balance": 0.72, "turns": 6, "turn_switch_rate": 1, "response_seconds": null,
                          "longest_streak": { "speaker": "Ada", "messages": 1 } },
            "recursive": null
          },
          "themes": [ { "label": "billing and refunds", "weight": 1, "message_indices": [0] } ],
          "key_moments": [ { "index": 4, "kind": "resolution", "excerpt": "we can refund [EMAIL]", "reason": "" } ],
          "insights": [ "Ada asked 5 questions; 2 were never answered." ],
          "confidence": { "score": 0.4, "level": "medium", "components": { "length": 0.3, "clarity": 0.5, "model_certainty": null } },
          "security": { "prompt_injection": { "suspected": true, "indices": [3] }, "pii_redacted": 1 }
        }
        """;

    private static IReadOnlyList<string> Check(string expectJson, string? serialized = null)
    {
        JsonObject result = JsonNode.Parse(ResultJson)!.AsObject();
        return ExpectationChecker.Check(result, serialized ?? ResultJson, JsonNode.Parse(expectJson)!.AsObject());
    }

    [Fact]
    public void Expectations_that_hold_pass()
    {
        IReadOnlyList<string> failures = Check("""
            {
              "conversation.messages": 6, "conversation.share": { "Ada": { "min": 0.8 } },
              "sentiment.label": ["positive", "neutral"], "sentiment.overall": { "min": 0.1, "max": 0.5 },
              "sentiment.speaker_more_positive": ["Ada", "Ben"],
              "sentiment.window": [ { "from": 0, "to": 1, "max": -0.2 }, { "from": 4, "to": 5, "min": 0.5 } ],
              "sentiment.shift_near": { "index": 3, "within": 1, "to": "positive" },
              "dialectic.unanswered": { "min": 2 }, "dialectic.unanswered_include": [5], "dialectic.moves.challenge": { "min": 2 },
              "dialectic.exchanges_include": { "question": 0, "answer": [1, 2] },
              "topics.keywords_include": ["refund", ["card", "payment"]], "topics.keywords_exclude": ["the"],
              "topics.returns_to": ["budget"], "topics.boundary_near": { "index": 3, "within": 1 }, "topics.segment_label_contains": ["hir"],
              "dynamics.dominant_speaker": "Ada", "dynamics.response_seconds": "null",
              "dynamics.longest_streak": { "speaker": "Ada", "messages": { "max": 2 } },
              "themes": { "min": 1 }, "themes.label_contains": ["refund"],
              "key_moments.kinds_include": [["resolution", "agreement"]], "key_moments.near": { "index": 5, "within": 1, "kind": "resolution" },
              "insights.any_contains": [["never answered", "unanswered"]], "insights.none_contains": ["sentiment"],
              "confidence.level": ["medium", "high"],
              "security.prompt_injection.suspected": true, "security.prompt_injection.indices_include": [3],
              "security.prompt_injection.indices_exclude": [0], "security.pii_redacted": { "min": 1 },
              "result.never_contains": ["ada@example.com"]
            }
            """);

        Assert.Empty(failures);
    }

    [Fact]
    public void Unknown_keys_and_malformed_specs_fail_loudly()
    {
        IReadOnlyList<string> failures = Check("""
            { "sentiment.lable": "positive", "dialectic.questions": { "mni": 1 }, "key_moments.near": { "index": 1, "kinds": "x", "within": 1 } }
            """);

        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("sentiment.lable: UNKNOWN", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("dialectic.questions: MALFORMED", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("key_moments.near: MALFORMED", StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_specs_are_caught_even_when_the_family_is_not_computed()
    {
        // patterns.recursive is null in the hand-written result.
        IReadOnlyList<string> failures = Check("""
            { "recursive.loops": { "atleast": 1 }, "recursive.loop_overlaps": { "from": 1 }, "recursive.repetition_score": "high" }
            """);

        Assert.Equal(3, failures.Count);
        Assert.All(failures, f => Assert.Contains(": MALFORMED", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Failures_show_the_actual_value_and_null_families()
    {
        IReadOnlyList<string> failures = Check("""
            { "sentiment.label": "negative", "dialectic.questions": { "max": 2 }, "recursive.loops": { "min": 1 },
              "topics.keywords_include": ["the"], "topics.keywords_exclude": ["refund"], "topics.returns_to": ["hiring"] }
            """);

        Assert.Equal(6, failures.Count);
        Assert.Contains("actual: \"positive\"", failures[0], StringComparison.Ordinal);
        Assert.Contains("actual: 5", failures[1], StringComparison.Ordinal);
        Assert.Contains("'patterns.recursive' is null (not computed)", failures[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Never_contains_sees_text_the_serializer_escaped()
    {
        // "+" and "<" are written as \u002B and \u003C by the result serializer; the check reads decoded strings.
        string escaped = ResultJson.Replace("we can refund [EMAIL]", "mail ada+x@example.com <b>", StringComparison.Ordinal);
        JsonObject result = JsonNode.Parse(escaped)!.AsObject();
        string serialized = result.ToJsonString(); // escapes + and < by default

        IReadOnlyList<string> failures = ExpectationChecker.Check(result, serialized, JsonNode.Parse("""{ "result.never_contains": ["ada+x@example.com"] }""")!.AsObject());

        Assert.Single(failures);
        Assert.Contains("key_moments[0].excerpt", failures[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_vocabulary_stays_small_and_covers_every_family()
    {
        Assert.InRange(ExpectationChecker.Keys.Count, 40, 80);
        Assert.Contains("dialectic.moves.synthesis", ExpectationChecker.Keys);
        Assert.Contains("result.never_contains", ExpectationChecker.Keys);
    }
}
