using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Observatory.Identity;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.AnalysisWorker.Webhooks;

/// <summary>What webhook tests do over and over: give a principal a secret, submit with a callback, read the
/// delivery log, and check a signature the way a receiver would (independently of the service's code).</summary>
public static class WebhookTestKit
{
    /// <summary>Stores a fresh <c>whsec_</c> secret for <paramref name="principal"/>, as issuing an API key does.</summary>
    public static async Task<string> GiveSecretAsync(string connectionString, string principal)
    {
        var secret = WebhookSecrets.Generate();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO webhook_secrets (principal, secret, created_at) VALUES (@p, @s, now()) ON CONFLICT (principal) DO UPDATE SET secret = @s", connection);
        command.Parameters.AddWithValue("p", principal);
        command.Parameters.AddWithValue("s", secret);
        await command.ExecuteNonQueryAsync();
        return secret;
    }

    /// <summary>Standard Webhooks verification as a receiver writes it: HMAC-SHA256 keyed with the base64-decoded
    /// part of the secret after <c>whsec_</c>, over <c>{id}.{timestamp}.{body}</c>.</summary>
    public static string ExpectedSignature(string secret, string id, string timestamp, string body)
    {
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        using var hmac = new HMACSHA256(Convert.FromBase64String(secret["whsec_".Length..]));
        return "v1," + Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
    }

    public static string AnalysisBody(string callbackUrl, string llm = "off") => $$$"""
        {"messages":[
          {"role":"user","content":"My parcel never arrived. Can you help?"},
          {"role":"assistant","content":"Sorry about that. I have sent a replacement today."},
          {"role":"user","content":"Thank you, that is great."}
        ],"title":"Webhook test","metadata":{"case":"w1"},"options":{"llm":"{{{llm}}}","callback_url":"{{{callbackUrl}}}"}}
        """;

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> SubmitAsync(HttpClient client, string? principal, string body)
    {
        var request = ApiCalls.JsonPost("/api/v1/analyze", body);
        if (principal is not null) request.As(principal);
        var (status, json, _) = await client.SendJsonAsync(request);
        return (status, json);
    }

    public static async Task<string> SubmitAcceptedAsync(HttpClient client, string principal, string body)
    {
        var (status, json) = await SubmitAsync(client, principal, body);
        Assert.True(status == HttpStatusCode.Accepted, $"submission answered {(int)status}: {json?.ToJsonString()}");
        return json!["id"]!.GetValue<string>();
    }

    public static async Task<JsonArray> DeliveriesAsync(HttpClient client, string principal, string query = "")
    {
        var (status, body, _) = await client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/webhooks/deliveries" + query).As(principal));
        Assert.True(status == HttpStatusCode.OK, $"deliveries answered {(int)status}: {body?.ToJsonString()}");
        return body!["items"]!.AsArray();
    }

    /// <summary>Polls the caller's delivery log until the delivery about <paramref name="resourceId"/> is no longer pending.</summary>
    public static async Task<JsonNode> WaitForSettledDeliveryAsync(HttpClient client, string principal, string resourceId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonNode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = (await DeliveriesAsync(client, principal)).FirstOrDefault(d => d!["resource_id"]!.GetValue<string>() == resourceId);
            if (last is not null && last["status"]!.GetValue<string>() != "pending") return last;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The delivery for {resourceId} did not settle in {timeout}; last seen: {last?.ToJsonString() ?? "none"}");
    }
}
