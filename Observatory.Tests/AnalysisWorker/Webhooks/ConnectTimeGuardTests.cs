using Observatory.Tests.Infrastructure;
using static Observatory.Tests.AnalysisWorker.Webhooks.WebhookTestKit;

namespace Observatory.Tests.AnalysisWorker.Webhooks;

/// <summary>CONTRACT §5 SSRF guard, the worker's half: with private networks not allowed, the dispatcher resolves
/// the host itself and refuses to connect to a non-public address, whatever the URL passed at submission (a host
/// can be re-pointed after the API checked it). Events are written straight into the outbox here, as the API
/// would refuse these URLs.</summary>
public sealed class ConnectTimeGuardTests : IAsyncLifetime
{
    private InProcessStack _stack = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _stack = await InProcessStack.StartAsync("webhookguard", withWorker: true, new Dictionary<string, string?>
        {
            ["Observatory:Webhooks:RetryDelays"] = "100ms",
            ["Observatory:Webhooks:Timeout"] = "00:00:02",
            ["Observatory:Webhooks:ClaimDuration"] = "00:00:05",
            ["Observatory:Webhooks:PollInterval"] = "00:00:00.2",
            ["Observatory:Webhooks:AllowPrivateNetworks"] = "false",
        });
        _client = _stack.Api.CreateClient();
    }

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Theory]
    [InlineData("https://localhost:{port}/hook", "loopback")]
    [InlineData("https://127.0.0.1:{port}/hook", "loopback")]
    [InlineData("https://[::1]:{port}/hook", "loopback")]
    [InlineData("https://[::ffff:127.0.0.1]:{port}/hook", "loopback")]
    [InlineData("https://10.20.30.40/hook", "private-network")]
    [InlineData("https://169.254.169.254/latest/meta-data", "link-local")]
    public async Task A_non_public_address_is_refused_at_connect_time(string urlTemplate, string scope)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var url = urlTemplate.Replace("{port}", receiver.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var principal = $"key:guard-{Guid.NewGuid():N}";
        await GiveSecretAsync(_stack.DatabaseConnectionString, principal);
        var resource = Guid.NewGuid();
        await DatabaseQueries.ScalarAsync(_stack.DatabaseConnectionString, $$"""
            WITH created AS (
                INSERT INTO webhook_deliveries (event_id, principal, type, resource_id, url, body, status, attempts, next_attempt_at, created_at)
                VALUES ('evt_guard_' || replace(@id::text, '-', ''), '{{principal}}', 'analysis.completed', @id, '{{url}}', '{"id":"evt_guard"}', 'pending', 0, now(), now())
                RETURNING 1)
            SELECT count(*) FROM created
            """, resource);

        var delivery = await WaitForSettledDeliveryAsync(_client, principal, resource.ToString("D"), TimeSpan.FromSeconds(30));

        Assert.Equal("dead", delivery["status"]!.GetValue<string>());
        Assert.Equal(2, delivery["attempts"]!.GetValue<int>());
        Assert.Null(delivery["last_status_code"]);
        Assert.Contains($"resolves to a {scope} address", delivery["last_error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(receiver.ReceivedAt("/hook"));
    }
}
