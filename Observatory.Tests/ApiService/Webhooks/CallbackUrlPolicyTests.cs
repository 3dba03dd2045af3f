using System.Net;
using Observatory.Tests.AnalysisWorker.Webhooks;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.ApiService.Webhooks;

/// <summary>One database, two ApiServices: one with private networks refused (as in production) and one with the
/// Development default, which allows them.</summary>
public sealed class CallbackPolicyStack : IAsyncLifetime
{
    public InProcessStack Stack { get; private set; } = null!;
    public HttpClient Strict { get; private set; } = null!;
    public HttpClient Permissive { get; private set; } = null!;
    private ApiServiceFactory _permissiveApi = null!;

    public async Task InitializeAsync()
    {
        Stack = await InProcessStack.StartAsync("callbackpolicy", withWorker: false, new Dictionary<string, string?>
        {
            ["Observatory:Webhooks:AllowPrivateNetworks"] = "false",
        });
        Strict = Stack.Api.CreateClient();
        var permissive = new Dictionary<string, string?>(Stack.Settings);
        permissive.Remove("Observatory:Webhooks:AllowPrivateNetworks"); // the Development default
        _permissiveApi = new ApiServiceFactory(permissive);
        Permissive = _permissiveApi.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _permissiveApi.DisposeAsync();
        await Stack.DisposeAsync();
    }
}

/// <summary>CONTRACT §5 SSRF guard, the API's half: a callback_url whose host resolves to a loopback, private,
/// link-local (or otherwise non-public) address is refused with 400 at options.callback_url unless private networks
/// are allowed; only https unless they are; public callers may not ask for webhooks at all (403).</summary>
public sealed class CallbackUrlPolicyTests(CallbackPolicyStack fixture) : IClassFixture<CallbackPolicyStack>
{
    private const string Principal = "key:callback-policy";

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://127.1.2.3:8443/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("https://172.20.1.1/hook")]
    [InlineData("https://192.168.0.10/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://100.64.1.1/hook")]
    [InlineData("https://224.0.0.1/hook")]
    [InlineData("https://[::ffff:10.0.0.1]/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    public async Task A_callback_to_a_non_public_address_is_refused_when_private_networks_are_not_allowed(string url)
    {
        var (status, body) = await WebhookTestKit.SubmitAsync(fixture.Strict, Principal, WebhookTestKit.AnalysisBody(url));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("public addresses", body!["errors"]!["options.callback_url"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_is_refused_when_private_networks_are_not_allowed()
    {
        var (status, body) = await WebhookTestKit.SubmitAsync(fixture.Strict, Principal, WebhookTestKit.AnalysisBody("http://93.184.215.14/hook"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("https", body!["errors"]!["options.callback_url"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_callback_to_a_public_address_is_accepted()
    {
        var (status, body) = await WebhookTestKit.SubmitAsync(fixture.Strict, Principal, WebhookTestKit.AnalysisBody("https://93.184.215.14/hooks/observatory"));

        Assert.True(status == HttpStatusCode.Accepted, body?.ToJsonString());
    }

    [Fact]
    public async Task A_host_that_does_not_resolve_is_refused()
    {
        var (status, body) = await WebhookTestKit.SubmitAsync(fixture.Strict, Principal, WebhookTestKit.AnalysisBody("https://no-such-host.invalid/hook"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("does not resolve", body!["errors"]!["options.callback_url"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://localhost:9/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    public async Task Private_and_plain_http_callbacks_are_accepted_when_allowed(string url)
    {
        var (status, body) = await WebhookTestKit.SubmitAsync(fixture.Permissive, Principal, WebhookTestKit.AnalysisBody(url));

        Assert.True(status == HttpStatusCode.Accepted, body?.ToJsonString());
    }

    [Fact]
    public async Task A_public_caller_asking_for_a_callback_is_forbidden()
    {
        var (status, body) = await WebhookTestKit.SubmitAsync(fixture.Strict, principal: null, WebhookTestKit.AnalysisBody("https://93.184.215.14/hook"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(403, body!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Nothing_is_stored_for_a_refused_callback()
    {
        const string principal = "key:callback-refused-nothing-stored";
        await WebhookTestKit.SubmitAsync(fixture.Strict, principal, WebhookTestKit.AnalysisBody("https://192.168.1.1/hook"));

        Assert.Equal(0L, await DatabaseQueries.ScalarAsync(fixture.Stack.DatabaseConnectionString,
            "SELECT count(*) FROM analyses WHERE owner = @id", principal));
    }
}
