using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Observatory.Analysis;

namespace Observatory.Tests.Analysis.Evaluation;

/// <summary>
/// The labelled evaluation set (issue 3, "Quality evidence"): every conversation in <c>Conversations/</c> is
/// normalized with the public API, analyzed with every family, serialized, and checked against what a careful
/// researcher would agree the conversation shows. One test case per file; all failures of a case are reported at
/// once, with the actual values.
/// </summary>
public class EvaluationSetTests
{
    private const int MinimumCases = 45;

    public static TheoryData<string> Cases => new(EvaluationSet.FileNames());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Conversation_shows_its_labelled_properties(string file)
    {
        EvaluationCase evaluation = EvaluationSet.Load(file);
        Conversation conversation = evaluation.Normalize();

        string json = AnalysisResultJson.Serialize(new ConversationAnalyzer().Analyze(conversation, PatternFamilies.All));
        JsonObject result = JsonNode.Parse(json)!.AsObject();

        var failures = new List<string>();
        failures.AddRange(ResultInvariants.Check(result, conversation.Messages.Count).Select(f => $"invariant: {f}"));
        string[] notComputed = new[] { "dialectic", "sentiment", "topics", "dynamics", "recursive" }
            .Where(family => result["patterns"]?[family] is null)
            .Concat(new[] { "confidence", "security" }.Where(part => result[part] is null))
            .ToArray();
        if (notComputed.Length > 0)
        {
            failures.Add($"not computed although every family was requested: {string.Join(", ", notComputed)}");
        }

        failures.AddRange(ExpectationChecker.Check(result, json, evaluation.Expect));

        if (failures.Count > 0)
        {
            var report = new StringBuilder()
                .AppendLine($"{file} — {evaluation.Name} ({conversation.Messages.Count} messages): {failures.Count} failure(s), {evaluation.Expect.Count} expectation(s)");
            foreach (string failure in failures)
            {
                string key = failure.Split(':', 2)[0];
                report.AppendLine($"  ✗ {failure}");
                if (evaluation.Why[key]?.GetValue<string>() is { } why)
                {
                    report.AppendLine($"      why: {why}");
                }
            }

            Assert.Fail(report.ToString());
        }
    }

    [Fact]
    public void The_set_is_large_enough_and_every_file_is_well_formed()
    {
        IReadOnlyList<string> files = EvaluationSet.FileNames();
        Assert.True(files.Count >= MinimumCases, $"{files.Count} conversations in {EvaluationSet.Folder}; the set needs at least {MinimumCases}.");

        var problems = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            if (!Regex.IsMatch(file, @"^\d{2,3}-[a-z0-9]+(-[a-z0-9]+)*\.json$"))
            {
                problems.Add($"{file}: name files NN-short-name.json");
            }

            try
            {
                EvaluationCase evaluation = EvaluationSet.Load(file);
                if (!names.Add(evaluation.Name))
                {
                    problems.Add($"{file}: duplicate name '{evaluation.Name}'");
                }

                if (evaluation.Expect.Count == 0)
                {
                    problems.Add($"{file}: no expectations");
                }

                Conversation conversation = evaluation.Normalize();
                if (conversation.Messages.Count == 0)
                {
                    problems.Add($"{file}: the conversation has no messages after normalization");
                    continue;
                }

                // Keys and spec shapes are checked here too (against a result without any family), so a typo shows up
                // even while the engine cannot pass the case yet.
                string json = AnalysisResultJson.Serialize(new ConversationAnalyzer().Analyze(conversation, PatternFamilies.None));
                problems.AddRange(ExpectationChecker.Check(JsonNode.Parse(json)!.AsObject(), json, evaluation.Expect)
                    .Where(failure => failure.Contains(": UNKNOWN", StringComparison.Ordinal) || failure.Contains(": MALFORMED", StringComparison.Ordinal))
                    .Select(failure => $"{file}: {failure}"));
            }
            catch (Exception exception) when (exception is InvalidDataException or FormatException or InvalidOperationException or System.Text.Json.JsonException)
            {
                problems.Add($"{file}: {exception.Message}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Analysing_every_case_twice_gives_byte_identical_json()
    {
        var differences = new List<string>();
        var shared = new ConversationAnalyzer();
        foreach (EvaluationCase evaluation in EvaluationSet.LoadAll())
        {
            string first = AnalysisResultJson.Serialize(shared.Analyze(evaluation.Normalize(), PatternFamilies.All));
            string second = AnalysisResultJson.Serialize(new ConversationAnalyzer().Analyze(evaluation.Normalize(), PatternFamilies.All));
            string third = AnalysisResultJson.Serialize(shared.Analyze(evaluation.Normalize(), PatternFamilies.All));
            if (first != second || first != third)
            {
                int at = Enumerable.Range(0, Math.Min(first.Length, second.Length)).FirstOrDefault(i => first[i] != second[i]);
                differences.Add($"{evaluation.FileName}: differs at character {at}: …{Around(first, at)}… vs …{Around(second, at)}…");
            }
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void A_two_message_chat_scores_clearly_lower_confidence_than_a_rich_sixteen_message_one()
    {
        Conversation shortChat = ConversationNormalizer.FromMessages(
        [
            new RawMessage("Ada", null, "hey, lunch tomorrow?", null),
            new RawMessage("Ben", null, "sure", null),
        ]);
        Conversation rich = ConversationNormalizer.FromMessages(RichSupportCall());
        Assert.Equal(16, rich.Messages.Count);

        ConfidenceAssessment low = Confidence(shortChat);
        ConfidenceAssessment high = Confidence(rich);

        Assert.True(low.Score + 0.15 <= high.Score,
            $"2-message chat scored {low.Score} ({low.Level}); the rich 16-message call scored {high.Score} ({high.Level}); expected a gap of at least 0.15.");
        Assert.Equal(ConfidenceLevel.Low, low.Level);
        Assert.NotEqual(ConfidenceLevel.Low, high.Level);
        Assert.True(low.Components.Length < high.Components.Length,
            $"length component: short {low.Components.Length}, rich {high.Components.Length}");
    }

    private static ConfidenceAssessment Confidence(Conversation conversation) =>
        new ConversationAnalyzer().Analyze(conversation, PatternFamilies.All).Confidence
        ?? throw new Xunit.Sdk.XunitException("confidence is null (not computed yet)");

    /// <summary>
    /// Questions that get answers, a clear subject (a delayed order and its refund), a tone that turns from angry to
    /// grateful, timestamps: every signal the engine has, so its confidence should be clearly higher.
    /// </summary>
    private static RawMessage[] RichSupportCall()
    {
        var start = new DateTimeOffset(2025, 3, 4, 14, 0, 0, TimeSpan.Zero);
        (string Speaker, string Text)[] turns =
        [
            ("Customer", "Hi, my order #55812 still hasn't arrived and it was due last Monday. This is really frustrating."),
            ("Agent", "I'm sorry about the delay. Could you confirm the name on the order so I can look it up?"),
            ("Customer", "It's under Maria Keller."),
            ("Agent", "Thank you. I can see the parcel left our warehouse on the 24th. Did you receive any tracking updates since then?"),
            ("Customer", "Nothing at all. The tracking page has said 'in transit' for nine days. I'm very disappointed."),
            ("Agent", "That is far too long, I understand why you're upset. It looks like the courier lost the parcel."),
            ("Customer", "Lost? So what happens now? I needed those shoes for a wedding this weekend."),
            ("Agent", "I have two options for you: a free express replacement that arrives Friday, or a full refund today."),
            ("Customer", "Will the express replacement really arrive before Saturday?"),
            ("Agent", "Yes, express delivery is guaranteed by Friday noon, and I'll refund the original shipping fee as well."),
            ("Customer", "Okay, that actually sounds great. Let's do the replacement, please."),
            ("Agent", "Done! The replacement is booked and you'll get a tracking link by email within the hour."),
            ("Customer", "Thank you so much, you've been really helpful."),
            ("Agent", "You're welcome. Is there anything else I can help you with today?"),
            ("Customer", "No, that's everything. I'm relieved, thanks again!"),
            ("Agent", "Happy to help, enjoy the wedding!"),
        ];
        return turns.Select((turn, i) => new RawMessage(turn.Speaker, null, turn.Text, start.AddSeconds(45 * i))).ToArray();
    }

    private static string Around(string text, int at) =>
        text.Substring(Math.Max(0, at - 40), Math.Min(80, text.Length - Math.Max(0, at - 40)));
}
