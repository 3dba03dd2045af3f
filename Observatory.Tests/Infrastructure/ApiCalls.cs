using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Observatory.Tests.Infrastructure;

/// <summary>Small conveniences for talking JSON to the API the way a client would.</summary>
public static class ApiCalls
{
    public static HttpRequestMessage JsonPost(string path, string json) =>
        new(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> SendJsonAsync(this HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        if (text.Length > 0 && (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) ?? false))
            body = JsonNode.Parse(text);
        return (response.StatusCode, body, response);
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.SendJsonAsync(JsonPost(path, json));

    public static Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> GetJsonAsync(this HttpClient client, string path) =>
        client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>Polls an analysis until it is terminal; fails the test with the last state if it never gets there.</summary>
    public static async Task<JsonNode> WaitForTerminalAsync(this HttpClient client, string id, TimeSpan timeout, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonNode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var (status, body, _) = await client.GetJsonAsync($"/api/v1/analyze/{id}");
            if (status == HttpStatusCode.OK)
            {
                last = body;
                if (body!["status"]!.GetValue<string>() is "completed" or "failed" or "cancelled") return body;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Analysis {id} did not finish in {timeout}; last state: {last?.ToJsonString()}\n{diagnostics?.Invoke()}");
    }

    /// <summary>Polls a batch until it reaches <paramref name="wanted"/> status; fails the test with the last state if it never does.</summary>
    public static async Task<JsonNode> WaitForBatchAsync(this HttpClient client, string id, string wanted, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        JsonNode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = (await client.GetJsonAsync($"/api/v1/analyze/batch/{id}")).Body;
            if (last?["status"]?.GetValue<string>() == wanted) return last;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Batch {id} never became {wanted}; last: {last?.ToJsonString()}");
    }

    /// <summary>Polls until the analysis reaches <paramref name="wanted"/> status.</summary>
    public static async Task WaitForStatusAsync(this HttpClient client, string id, string wanted, TimeSpan timeout, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? seen = null;
        while (DateTime.UtcNow < deadline)
        {
            var (_, body, _) = await client.GetJsonAsync($"/api/v1/analyze/{id}");
            seen = body?["status"]?.GetValue<string>();
            if (seen == wanted) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Analysis {id} never became {wanted} (last {seen}).\n{diagnostics?.Invoke()}");
    }

    public static MediaTypeHeaderValue Json => new("application/json");
}

/// <summary>Conversations that tests submit.</summary>
public static class SampleConversations
{
    public const string RefundChat = """
        {"messages":[
          {"speaker":"Ada","role":"human","content":"Hi, my order arrived broken. Can I get a refund?","timestamp":"2025-05-01T10:00:00Z"},
          {"speaker":"Bot","role":"ai","content":"I'm sorry to hear that. Could you tell me the order number?","timestamp":"2025-05-01T10:00:05Z"},
          {"speaker":"Ada","role":"human","content":"It's 48213.","timestamp":"2025-05-01T10:00:30Z"},
          {"speaker":"Bot","role":"ai","content":"Thanks. I've issued a full refund; you'll see it in 3-5 days.","timestamp":"2025-05-01T10:00:36Z"}
        ],"title":"Refund","metadata":{"channel":"chat"}}
        """;

    public static string Small(int seed) => $$"""
        {"messages":[
          {"role":"user","content":"Question number {{seed}}: how do I reset my password?"},
          {"role":"assistant","content":"Open settings, choose security, then reset password."},
          {"role":"user","content":"Thanks, that worked."}
        ]}
        """;
}
