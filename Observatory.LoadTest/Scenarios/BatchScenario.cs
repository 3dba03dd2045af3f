using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Observatory.LoadTest.Scenarios;

/// <summary>
/// One batch of M conversations of ~K messages (issue 5's target: 1,000 × 40 in ≤ 30 s): submit it, follow it until
/// it has ended and carries its aggregate, and report the time end to end — by wall clock and by the API's own
/// created_at → completed_at.
/// </summary>
public static class BatchScenario
{
    public static async Task<int> RunAsync(LoadTestOptions options, CancellationToken cancellationToken)
    {
        var generator = new ConversationGenerator(options.Seed, options.Messages);
        byte[] body = BatchBody(generator.Bodies(2_000_000, options.Conversations));
        using var client = new LoadClient(options, 2);

        long started = Stopwatch.GetTimestamp();
        Exchange submitted = await client.PostJsonAsync(Api.AnalyzePath + "/batch", body, cancellationToken);
        TimeSpan submitTime = Stopwatch.GetElapsedTime(started);
        if (submitted.Status != 202)
        {
            throw new SetupException($"the batch was refused: {submitted.Status} {submitted.BodySnippet}");
        }

        string id = Api.ReadAccepted(submitted.Body).Id ?? throw new SetupException("the 202 answer had no id");
        Console.Error.WriteLine($"batch {id}: {options.Conversations} conversations, {body.Length / 1024.0 / 1024.0:F1} MiB, accepted in {submitTime.TotalMilliseconds:F0} ms");

        JsonDocument? last = null;
        long deadline = started + (long)(options.EffectiveDuration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
        {
            Exchange read = await client.GetAsync(Api.AnalyzePath + "/batch/" + id + "?limit=1", cancellationToken);
            if (read.Status == 200)
            {
                last?.Dispose();
                last = JsonDocument.Parse(read.Body);
                string status = last.RootElement.GetProperty("status").GetString()!;
                if (status is "completed" or "cancelled")
                {
                    break;
                }
            }

            await Task.Delay(options.PollInterval, cancellationToken);
        }

        TimeSpan wall = Stopwatch.GetElapsedTime(started);
        if (last is null)
        {
            Console.Error.WriteLine("the batch was never readable");
            return 1;
        }

        using (last)
        {
            JsonElement root = last.RootElement;
            JsonElement counts = root.GetProperty("counts");
            string status = root.GetProperty("status").GetString()!;
            DateTimeOffset created = root.GetProperty("created_at").GetDateTimeOffset();
            DateTimeOffset? completed = root.GetProperty("completed_at").ValueKind == JsonValueKind.String ? root.GetProperty("completed_at").GetDateTimeOffset() : null;
            int done = counts.GetProperty("completed").GetInt32();
            int clusters = root.GetProperty("aggregate") is { ValueKind: JsonValueKind.Object } aggregate ? aggregate.GetProperty("clusters").GetArrayLength() : 0;
            var apiTime = completed - created;

            Console.WriteLine($"## batch — {options.Conversations} conversations × ~{options.Messages} messages");
            Console.WriteLine();
            Console.WriteLine("| measure | value |");
            Console.WriteLine("|---|---|");
            Console.WriteLine($"| status | {status} ({done} completed, {counts.GetProperty("failed").GetInt32()} failed, {counts.GetProperty("cancelled").GetInt32()} cancelled) |");
            Console.WriteLine($"| request body | {body.Length / 1024.0 / 1024.0:F1} MiB |");
            Console.WriteLine($"| submit (202) | {submitTime.TotalSeconds:F2} s |");
            Console.WriteLine($"| end to end, wall clock (submit → aggregate seen) | {wall.TotalSeconds:F2} s |");
            Console.WriteLine($"| end to end, API times (created_at → completed_at) | {(apiTime is { } t ? t.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s" : "—")} |");
            Console.WriteLine($"| conversations per second (wall clock) | {done / wall.TotalSeconds:F0} |");
            Console.WriteLine($"| clusters in the aggregate | {clusters} |");
            return status == "completed" && done == options.Conversations ? 0 : 1;
        }
    }

    /// <summary>{"conversations":[body0, body1, …]} from single-conversation bodies, each with a ref.</summary>
    private static byte[] BatchBody(byte[][] conversations)
    {
        var buffer = new MemoryStream(conversations.Sum(c => c.Length) + 64 * conversations.Length);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("conversations");
            for (int i = 0; i < conversations.Length; i++)
            {
                using var conversation = JsonDocument.Parse(conversations[i]);
                json.WriteStartObject();
                json.WriteString("ref", "c" + i.ToString(CultureInfo.InvariantCulture));
                foreach (JsonProperty property in conversation.RootElement.EnumerateObject())
                {
                    property.WriteTo(json);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
