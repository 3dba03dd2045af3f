using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Observatory.Tests.Analysis.Evaluation;

/// <summary>
/// What must hold for ANY result, whatever the conversation: scores in their ranges (sentiment −1..1; balance,
/// shares, ratios, repetition and confidence 0..1), enum values from the contract, every message index inside
/// [0, messages), segments ordered and inside bounds, answers after their questions. Families that are null (not
/// computed yet) are skipped, so these checks hold for today's engine and for every later one.
/// </summary>
internal static class ResultInvariants
{
    private static readonly string[] SentimentLabels = ["negative", "neutral", "positive"];
    private static readonly string[] SentimentTrends = ["improving", "declining", "stable", "volatile"];
    private static readonly string[] MomentKinds = ["turning_point", "breakthrough", "conflict", "agreement", "escalation", "resolution", "question"];
    private static readonly string[] ConfidenceLevels = ["low", "medium", "high"];
    private static readonly string[] Families = ["dialectic", "sentiment", "topics", "dynamics", "recursive"];

    public static IReadOnlyList<string> Check(JsonObject result, int messageCount)
    {
        var failures = new List<string>();
        var check = new Checker(failures, messageCount);

        check.IndicesEverywhere(result, "$");

        JsonObject conversation = check.Obj(result, "conversation")!;
        check.Equal(conversation["messages"], messageCount, "conversation.messages");
        if (conversation["participants"] is JsonArray participants)
        {
            check.That(participants.Count >= 1, "conversation.participants is empty");
            check.Equal(participants.Sum(p => p!["messages"]!.GetValue<int>()), messageCount, "sum of participants[].messages");
            foreach (JsonNode? participant in participants)
            {
                check.Within(participant!["share"], 0, 1, "participants[].share");
                check.Within(participant["words"], 0, double.MaxValue, "participants[].words");
            }
        }

        JsonObject patterns = check.Obj(result, "patterns")!;
        foreach (string family in Families)
        {
            check.That(patterns.ContainsKey(family), $"patterns.{family} must always be written (null when not computed)");
        }

        if (patterns["dynamics"] is JsonObject dynamics)
        {
            check.Within(dynamics["balance"], 0, 1, "dynamics.balance");
            check.Within(dynamics["turn_switch_rate"], 0, 1, "dynamics.turn_switch_rate");
            check.Within(dynamics["turns"], 1, messageCount, "dynamics.turns");
            check.Within(dynamics["longest_streak"]?["messages"], 1, messageCount, "dynamics.longest_streak.messages");
            check.EachValue(dynamics["question_ratio"], 0, 1, "dynamics.question_ratio");
            check.EachValue(dynamics["words_per_turn"], 0, double.MaxValue, "dynamics.words_per_turn");
            check.EachValue(dynamics["response_seconds"], 0, double.MaxValue, "dynamics.response_seconds");
        }

        if (patterns["sentiment"] is JsonObject sentiment)
        {
            check.Within(sentiment["overall"], -1, 1, "sentiment.overall");
            check.OneOf(sentiment["label"], SentimentLabels, "sentiment.label");
            check.OneOf(sentiment["trend"], SentimentTrends, "sentiment.trend");
            check.Within(sentiment["slope"], double.MinValue, double.MaxValue, "sentiment.slope");
            check.EachValue(sentiment["by_speaker"], -1, 1, "sentiment.by_speaker");
            foreach (JsonNode? point in sentiment["trajectory"] as JsonArray ?? [])
            {
                check.Within(point!["score"], -1, 1, "sentiment.trajectory[].score");
            }

            check.Ascending(sentiment["trajectory"], "index", strictly: true, "sentiment.trajectory");
            foreach (JsonNode? shift in sentiment["shifts"] as JsonArray ?? [])
            {
                check.OneOf(shift!["from"], SentimentLabels, "sentiment.shifts[].from");
                check.OneOf(shift["to"], SentimentLabels, "sentiment.shifts[].to");
                check.That(Text(shift["from"]) != Text(shift["to"]), $"sentiment shift at {shift["index"]} goes from {shift["from"]} to the same label");
            }
        }

        if (patterns["dialectic"] is JsonObject dialectic)
        {
            double questions = Number(dialectic["questions"]) ?? -1;
            double answered = Number(dialectic["answered"]) ?? -1;
            check.Within(dialectic["questions"], 0, double.MaxValue, "dialectic.questions");
            check.That(answered >= 0 && answered <= questions, $"dialectic.answered ({answered}) must be within 0..questions ({questions})");
            check.Within(dialectic["answered_ratio"], 0, 1, "dialectic.answered_ratio");
            foreach (JsonNode? exchange in dialectic["exchanges"] as JsonArray ?? [])
            {
                int question = exchange!["question_index"]!.GetValue<int>();
                int answer = exchange["answer_index"]!.GetValue<int>();
                check.That(answer > question, $"dialectic exchange answers question {question} with earlier/same message {answer}");
            }

            foreach ((string move, JsonNode? count) in dialectic["moves"] as JsonObject ?? [])
            {
                check.Within(count, 0, messageCount, $"dialectic.moves.{move}");
            }

            check.That(dialectic["structure"] is JsonValue structure && structure.TryGetValue(out string? name) && name.Length > 0, "dialectic.structure must be a non-empty string");
        }

        if (patterns["topics"] is JsonObject topics)
        {
            foreach (JsonNode? keyword in topics["keywords"] as JsonArray ?? [])
            {
                check.Within(keyword!["weight"], 0, double.MaxValue, "topics.keywords[].weight");
                check.That(Text(keyword["term"]).Trim().Length > 0, "topics.keywords[].term is blank");
            }

            int previousEnd = -1;
            var segments = topics["segments"] as JsonArray ?? [];
            foreach (JsonNode? segment in segments)
            {
                int start = segment!["start_index"]!.GetValue<int>();
                int end = segment["end_index"]!.GetValue<int>();
                check.That(start <= end, $"topic segment {start}-{end} is reversed");
                check.That(start > previousEnd, $"topic segment {start}-{end} overlaps or precedes the previous one (ended {previousEnd})");
                previousEnd = end;
            }

            check.Within(topics["shifts"], 0, Math.Max(0, messageCount - 1), "topics.shifts");
            if (segments.Count > 0)
            {
                check.Equal(topics["shifts"], segments.Count - 1, "topics.shifts (boundaries between segments)");
            }
        }

        if (patterns["recursive"] is JsonObject recursive)
        {
            check.Within(recursive["repetition_score"], 0, 1, "recursive.repetition_score");
            foreach (JsonNode? loop in recursive["loops"] as JsonArray ?? [])
            {
                check.That(loop!["start_index"]!.GetValue<int>() <= loop["end_index"]!.GetValue<int>(), $"loop {loop["start_index"]}-{loop["end_index"]} is reversed");
                check.Within(loop["occurrences"], 2, double.MaxValue, "recursive.loops[].occurrences");
            }

            foreach (JsonNode? callback in recursive["callbacks"] as JsonArray ?? [])
            {
                check.That(callback!["refers_to_index"]!.GetValue<int>() < callback["index"]!.GetValue<int>(), $"callback {callback["index"]} refers forward to {callback["refers_to_index"]}");
            }
        }

        foreach (JsonNode? theme in result["themes"] as JsonArray ?? [])
        {
            check.Within(theme!["weight"], 0, double.MaxValue, "themes[].weight");
        }

        foreach (JsonNode? moment in result["key_moments"] as JsonArray ?? [])
        {
            check.OneOf(moment!["kind"], MomentKinds, "key_moments[].kind");
        }

        foreach (JsonNode? insight in result["insights"] as JsonArray ?? [])
        {
            check.That(Text(insight).Trim().Length > 0, "an insight is blank");
        }

        if (result["confidence"] is JsonObject confidence)
        {
            check.Within(confidence["score"], 0, 1, "confidence.score");
            check.OneOf(confidence["level"], ConfidenceLevels, "confidence.level");
            check.Within(confidence["components"]?["length"], 0, 1, "confidence.components.length");
            check.Within(confidence["components"]?["clarity"], 0, 1, "confidence.components.clarity");
            if (confidence["components"]?["model_certainty"] is { } certainty)
            {
                check.Within(certainty, 0, 1, "confidence.components.model_certainty");
            }
        }

        if (result["security"] is JsonObject security)
        {
            check.Within(security["pii_redacted"], 0, double.MaxValue, "security.pii_redacted");
            var indices = security["prompt_injection"]?["indices"] as JsonArray ?? [];
            bool suspected = security["prompt_injection"]?["suspected"]?.GetValue<bool>() ?? false;
            check.That(suspected == indices.Count > 0, $"prompt_injection.suspected ({suspected}) must agree with its indices ({indices.Count})");
            check.Ascending(indices, null, strictly: true, "security.prompt_injection.indices");
        }

        return failures;
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : node?.ToJsonString() ?? "null";

    private sealed class Checker(List<string> failures, int messageCount)
    {
        public void That(bool condition, string message)
        {
            if (!condition)
            {
                failures.Add(message);
            }
        }

        public JsonObject? Obj(JsonObject parent, string name)
        {
            if (parent[name] is JsonObject obj)
            {
                return obj;
            }

            failures.Add($"'{name}' must be an object");
            return new JsonObject();
        }

        public void Equal(JsonNode? node, int expected, string what) =>
            That(Number(node) is { } actual && actual == expected, $"{what} is {ExpectationChecker.Show(node)}, expected {expected}");

        public void Within(JsonNode? node, double min, double max, string what) =>
            That(Number(node) is { } actual && double.IsFinite(actual) && actual >= min && actual <= max,
                $"{what} = {ExpectationChecker.Show(node)} is outside {min}..{max}");

        public void EachValue(JsonNode? map, double min, double max, string what)
        {
            foreach ((string speaker, JsonNode? value) in map as JsonObject ?? [])
            {
                Within(value, min, max, $"{what}[{speaker}]");
            }
        }

        public void OneOf(JsonNode? node, string[] allowed, string what) =>
            That(allowed.Contains(Text(node), StringComparer.Ordinal), $"{what} = {ExpectationChecker.Show(node)} is not one of [{string.Join(", ", allowed)}]");

        public void Ascending(JsonNode? array, string? field, bool strictly, string what)
        {
            int previous = int.MinValue;
            foreach (JsonNode? item in array as JsonArray ?? [])
            {
                int value = (field is null ? item : item?[field])!.GetValue<int>();
                That(strictly ? value > previous : value >= previous, $"{what} is not in ascending order at {value}");
                previous = value;
            }
        }

        /// <summary>
        /// Every message index anywhere in the result — a property named <c>index</c> or <c>*_index</c>, or an array
        /// named <c>indices</c>, <c>*_indices</c> or <c>unanswered</c> — lies in [0, messages). Catches fields added later too.
        /// </summary>
        public void IndicesEverywhere(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach ((string name, JsonNode? child) in obj)
                    {
                        string childPath = $"{path}.{name}";
                        if (name == "index" || name.EndsWith("_index", StringComparison.Ordinal))
                        {
                            CheckIndex(child, childPath);
                        }
                        else if ((name == "indices" || name.EndsWith("_indices", StringComparison.Ordinal) || name == "unanswered") && child is JsonArray indices)
                        {
                            for (int i = 0; i < indices.Count; i++)
                            {
                                CheckIndex(indices[i], $"{childPath}[{i}]");
                            }
                        }

                        IndicesEverywhere(child, childPath);
                    }

                    break;
                case JsonArray array:
                    for (int i = 0; i < array.Count; i++)
                    {
                        IndicesEverywhere(array[i], $"{path}[{i}]");
                    }

                    break;
            }
        }

        private void CheckIndex(JsonNode? node, string path) =>
            That(node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
                    && value.GetValue<double>() is var index && index == Math.Floor(index) && index >= 0 && index < messageCount,
                $"{path} = {ExpectationChecker.Show(node)} is not a message index in [0, {messageCount})");
    }
}
