using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Observatory.Tests.ServiceDefaults;

public sealed class HttpResilienceTests(ScriptedHttpServer server) : IClassFixture<ScriptedHttpServer>
{
    private const string StandardClient = "standard";
    private const string WebhookClient = "webhooks";

    // Short delays keep the tests fast; the rest are the library defaults (3 retries).
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Observatory:Http:Resilience:RetryBaseDelay"] = "00:00:00.010",
        ["Observatory:Http:Resilience:MaxRetryDelay"] = "00:00:00.050",
    };

    [Fact]
    public async Task Retries_a_503_and_returns_the_success()
    {
        using var host = await StartClientHostAsync(FastRetries);
        var key = NewKey();

        using var response = await Client(host, StandardClient).GetAsync($"/flaky/{key}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("recovered", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, server.RequestsFor(key));
    }

    [Fact]
    public async Task Gives_up_after_the_configured_retries()
    {
        using var host = await StartClientHostAsync(FastRetries);
        var key = NewKey();

        using var response = await Client(host, StandardClient).GetAsync($"/down/{key}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1 + 3, server.RequestsFor(key));
    }

    [Fact]
    public async Task Does_not_retry_a_400()
    {
        using var host = await StartClientHostAsync(FastRetries);
        var key = NewKey();

        using var response = await Client(host, StandardClient).GetAsync($"/bad/{key}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, server.RequestsFor(key));
    }

    [Fact]
    public async Task Opted_out_client_sends_each_request_once()
    {
        using var host = await StartClientHostAsync(FastRetries);
        var key = NewKey();

        using var response = await Client(host, WebhookClient).GetAsync($"/down/{key}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, server.RequestsFor(key));
    }

    [Fact]
    public async Task Post_without_idempotency_key_is_not_retried_after_a_503()
    {
        using var host = await StartClientHostAsync(FastRetries);
        var key = NewKey();

        using var response = await Client(host, StandardClient).PostAsync($"/flaky/{key}", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, server.RequestsFor(key));
    }

    [Fact]
    public async Task Post_with_idempotency_key_and_buffered_body_is_retried()
    {
        using var host = await StartClientHostAsync(FastRetries);
        var key = NewKey();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/flaky/{key}") { Content = new StringContent("{}") };
        request.Headers.Add("Idempotency-Key", key);

        using var response = await Client(host, StandardClient).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.RequestsFor(key));
    }

    [Fact]
    public async Task Put_with_a_streamed_body_is_not_retried()
    {
        using var host = await StartClientHostAsync(FastRetries);
        var key = NewKey();
        using var body = new StreamContent(new MemoryStream("{}"u8.ToArray()));

        using var response = await Client(host, StandardClient).PutAsync($"/flaky/{key}", body);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, server.RequestsFor(key));
    }

    [Fact]
    public async Task Open_circuit_fails_fast_without_sending()
    {
        using var host = await StartClientHostAsync(new Dictionary<string, string?>
        {
            ["Observatory:Http:Resilience:MaxRetryAttempts"] = "0",
            ["Observatory:Http:Resilience:CircuitBreakerMinimumThroughput"] = "2",
            ["Observatory:Http:Resilience:CircuitBreakerFailureRatio"] = "0.5",
        });
        var key = NewKey();
        var client = Client(host, StandardClient);

        (await client.GetAsync($"/down/{key}")).Dispose();
        (await client.GetAsync($"/down/{key}")).Dispose();
        var rejected = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"/down/{key}"));

        Assert.Contains("circuit is open", rejected.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.RequestsFor(key));
    }

    [Fact]
    public async Task Attempt_that_runs_out_of_time_is_retried()
    {
        using var host = await StartClientHostAsync(new Dictionary<string, string?>(FastRetries)
        {
            ["Observatory:Http:Resilience:AttemptTimeout"] = "00:00:00.500",
        });
        var key = NewKey();

        using var response = await Client(host, StandardClient).GetAsync($"/slow-once/{key}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(server.RequestsFor(key) >= 2, $"expected a retry, saw {server.RequestsFor(key)} request(s)");
    }

    [Fact]
    public async Task Timeout_surfaces_like_an_HttpClient_timeout()
    {
        using var host = await StartClientHostAsync(new Dictionary<string, string?>(FastRetries)
        {
            ["Observatory:Http:Resilience:AttemptTimeout"] = "00:00:00.500",
            ["Observatory:Http:Resilience:TotalRequestTimeout"] = "00:00:00.500",
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var timedOut = await Assert.ThrowsAsync<TaskCanceledException>(() => Client(host, StandardClient).GetAsync($"/slow/{NewKey()}"));

        Assert.IsType<TimeoutException>(timedOut.InnerException);
        Assert.Contains("timed out", timedOut.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"the server answers after 5 s; the call took {clock.Elapsed}");
    }

    [Fact]
    public async Task Invalid_resilience_settings_fail_the_start_up()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartClientHostAsync(new Dictionary<string, string?>
        {
            ["Observatory:Http:Resilience:MaxRetryAttempts"] = "-1",
            ["Observatory:Http:Resilience:AttemptTimeout"] = "00:01:00",
        }));

        Assert.Contains("Observatory:Http:Resilience:MaxRetryAttempts", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Observatory:Http:Resilience:AttemptTimeout", failure.Message, StringComparison.Ordinal);
    }

    private async Task<IHost> StartClientHostAsync(Dictionary<string, string?> settings)
    {
        // A generic (non-web) host: AddServiceDefaults accepts any IHostApplicationBuilder.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        builder.Services.AddHttpClient(StandardClient, http => http.BaseAddress = server.Address);
        builder.Services.AddHttpClient(WebhookClient, http => http.BaseAddress = server.Address).WithoutStandardResilience();

        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    private static HttpClient Client(IHost host, string name) =>
        host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(name);

    private static string NewKey() => Guid.NewGuid().ToString("N");
}
