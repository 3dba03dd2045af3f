using System.Text.Json;
using Observatory.Analysis;

namespace Observatory.Tests.Analysis;

public class ResultJsonTests
{
    private static readonly Conversation Greeting = TestConversation.Timed(("Human", 0, "Hi?"), ("AI", 2, "Hello."));

    [Fact]
    public void Exact_json_of_a_small_analysis()
    {
        string json = AnalysisResultJson.Serialize(TestConversation.Analyze(Greeting, PatternFamily.Dynamics));

        // Written with ' for readability; the engine writes ".
        string expected = (
            "{'conversation':{'messages':2,'participants':[{'speaker':'Human','role':'human','messages':1,'words':1,'share':0.5},"
            + "{'speaker':'AI','role':'ai','messages':1,'words':1,'share':0.5}],"
            + "'started_at':'2025-05-01T10:00:00Z','ended_at':'2025-05-01T10:00:02Z','duration_seconds':2},"
            + "'patterns':{'dialectic':null,'sentiment':null,'topics':null,"
            + "'dynamics':{'turns':2,'balance':1,'dominant_speaker':'Human','turn_switch_rate':1,"
            + "'words_per_turn':{'Human':1,'AI':1},'question_ratio':{'Human':1,'AI':0},"
            + "'longest_streak':{'speaker':'Human','messages':1},'response_seconds':{'AI':2}},"
            + "'recursive':null},'themes':[],'key_moments':[],"
            + "'insights':['The one question asked was answered.','The words used carry no clear emotional tone.',"
            + "'Participation was balanced between the speakers.','AI took a median of 2 s to respond.'],'detected_patterns':[],"
            + "'confidence':{'score':0.1292,'level':'low','components':{'length':0.1972,'clarity':0.375,'model_certainty':0.5}},"
            + "'security':{'prompt_injection':{'suspected':false,'indices':[],'signals':[]},'pii_redacted':0,'pii_found':0},"
            + "'engine':{'version':'" + EngineInfo.Version + "','llm':{'used':false,'model':null,'reason':'not configured',"
            + "'input_tokens':0,'output_tokens':0,'latency_ms':0}},"
            + "'timings':{'queue_ms':0,'analysis_ms':0},"
            + "'messages':[{'index':0,'speaker':'Human','role':'human','words':1,'sentiment':null,'is_question':null},"
            + "{'index':1,'speaker':'AI','role':'ai','words':1,'sentiment':null,'is_question':null}]}").Replace('\'', '"');
        Assert.Equal(expected, json);
    }

    [Fact]
    public void Every_contract_key_is_present_and_unrequested_families_are_null()
    {
        using var document = JsonDocument.Parse(AnalysisResultJson.Serialize(TestConversation.Analyze(Greeting, PatternFamily.Dynamics)));
        JsonElement root = document.RootElement;

        Assert.Equal(
            ["conversation", "patterns", "themes", "key_moments", "insights", "detected_patterns", "confidence", "security", "engine", "timings", "messages"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["dialectic", "sentiment", "topics", "dynamics", "recursive"],
            root.GetProperty("patterns").EnumerateObject().Select(p => p.Name));
        foreach (string family in new[] { "dialectic", "sentiment", "topics", "recursive" })
        {
            Assert.Equal(JsonValueKind.Null, root.GetProperty("patterns").GetProperty(family).ValueKind);
        }

        Assert.Equal(JsonValueKind.Object, root.GetProperty("patterns").GetProperty("dynamics").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("themes").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("key_moments").ValueKind);
        Assert.True(root.GetProperty("insights").GetArrayLength() > 0);
        Assert.Equal(["score", "level", "components"], root.GetProperty("confidence").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["length", "clarity", "model_certainty"], root.GetProperty("confidence").GetProperty("components").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["prompt_injection", "pii_redacted", "pii_found"], root.GetProperty("security").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Dynamics_is_null_in_json_when_not_requested()
    {
        string json = AnalysisResultJson.Serialize(TestConversation.Analyze(Greeting, PatternFamily.Dialectic));
        Assert.Contains("\"dynamics\":null", json);
    }

    [Fact]
    public void Missing_time_span_is_written_as_null()
    {
        string json = AnalysisResultJson.Serialize(TestConversation.Analyze(TestConversation.Of(("A", "x"))));
        Assert.Contains("\"started_at\":null,\"ended_at\":null,\"duration_seconds\":null", json);
        Assert.Contains("\"response_seconds\":null", json);
    }

    [Fact]
    public void Non_ascii_text_is_written_readably_but_markup_stays_escaped()
    {
        string json = AnalysisResultJson.Serialize(TestConversation.Analyze(TestConversation.Of(("Zoë <b>", "x"))));
        Assert.Contains("\"speaker\":\"Zoë \\u003Cb\\u003E\"", json);
    }

    [Fact]
    public void Round_trip_gives_an_equal_result_and_identical_json()
    {
        var model = new LlmUsage { Used = true, Model = "qwen2.5:1.5b", Reason = "configured", InputTokens = 12, OutputTokens = 34, LatencyMs = 56 };
        AnalysisResult original = TestConversation.Analyze(Greeting) with
        {
            Engine = EngineSummary.BuiltIn with { Llm = model },
            Timings = new AnalysisTimings { QueueMs = 7, AnalysisMs = 8 },
        };

        string json = AnalysisResultJson.Serialize(original);
        AnalysisResult read = AnalysisResultJson.Deserialize(json);

        Assert.Equal(json, AnalysisResultJson.Serialize(read));
        Assert.Equal(original.Patterns.Dynamics, read.Patterns.Dynamics);
        Assert.Equal(original.Engine, read.Engine);
        Assert.Equal(original.Timings, read.Timings);
        Assert.Equal(original.Conversation.StartedAt, read.Conversation.StartedAt);
    }

    [Fact]
    public void Enums_are_lower_case_snake_case_strings()
    {
        var moment = new KeyMoment { Index = 3, Kind = KeyMomentKind.TurningPoint, Excerpt = "x", Reason = "y" };
        AnalysisResult result = TestConversation.Analyze(Greeting) with { KeyMoments = [moment] };

        string json = AnalysisResultJson.Serialize(result);

        Assert.Contains("\"kind\":\"turning_point\"", json);
        Assert.Equal(KeyMomentKind.TurningPoint, AnalysisResultJson.Deserialize(json).KeyMoments[0].Kind);
    }

    [Fact]
    public void Malformed_json_is_rejected()
    {
        Assert.ThrowsAny<JsonException>(() => AnalysisResultJson.Deserialize("{\"conversation\":"));
        Assert.ThrowsAny<JsonException>(() => AnalysisResultJson.Deserialize("null"));
    }
}
