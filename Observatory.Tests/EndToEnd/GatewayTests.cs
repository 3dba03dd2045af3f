using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.EndToEnd;

public sealed class GatewayStack : IAsyncLifetime
{
    public ServiceStack Stack { get; private set; } = null!;

    public async Task InitializeAsync() => Stack = await ServiceStack.StartAsync("e2e-gateway", new Dictionary<string, string?>
    {
        ["Observatory__RateLimits__Public__PerMinute"] = "10",
        ["Observatory__RateLimits__Public__PerDay"] = "500",
    });

    public async Task DisposeAsync() => await Stack.DisposeAsync();
}

/// <summary>CONTRACT §6 and §7 at the front door: credentials, tiers, limits, ownership, admin API, audit.</summary>
public sealed class GatewayTests(GatewayStack fixture) : IClassFixture<GatewayStack>
{
    private readonly ServiceStack _stack = fixture.Stack;

    private HttpClient Client(string? bearer = null, string? apiKey = null, string? forwardedFor = null)
    {
        var client = new HttpClient { BaseAddress = _stack.Gateway.BaseAddress };
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        // Each test's public traffic comes from its own (claimed) address; the gateway must ignore the claim.
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    private async Task<JsonNode> CreateKeyAsync(string tier = "standard")
    {
        var (status, body, _) = await Client(ServiceStack.AdminKey).PostJsonAsync("/admin/api-keys", $$"""{"name":"test {{tier}}","tier":"{{tier}}"}""");
        Assert.Equal(HttpStatusCode.Created, status);
        return body!;
    }

    [Fact]
    public async Task The_admin_issues_a_key_that_then_works_in_either_header_and_reports_its_account()
    {
        var key = await CreateKeyAsync();

        Assert.StartsWith("obs_", key["key"]!.GetValue<string>());
        Assert.StartsWith("whsec_", key["webhook_secret"]!.GetValue<string>());
        Assert.Equal(key["key"]!.GetValue<string>()[..12], key["prefix"]!.GetValue<string>());
        var viaBearer = await Client(key["key"]!.GetValue<string>()).GetJsonAsync("/api/v1/account");
        var viaHeader = await Client(apiKey: key["key"]!.GetValue<string>()).GetJsonAsync("/api/v1/account");
        Assert.Equal(HttpStatusCode.OK, viaBearer.Status);
        Assert.Equal("standard", viaBearer.Body!["tier"]!.GetValue<string>());
        Assert.Equal($"key:{key["id"]!.GetValue<string>()}", viaBearer.Body["principal"]!.GetValue<string>());
        Assert.Equal(60, viaBearer.Body["limits"]!["per_minute"]!.GetValue<int>());
        Assert.Equal(5000, viaBearer.Body["limits"]!["per_day"]!.GetValue<int>());
        Assert.Equal(2, viaHeader.Body!["usage"]!["minute"]!.GetValue<int>());

        var listed = await Client(ServiceStack.AdminKey).GetJsonAsync("/admin/api-keys");
        Assert.DoesNotContain(key["key"]!.GetValue<string>(), listed.Body!.ToJsonString());
        Assert.Contains(listed.Body["items"]!.AsArray(), k => k!["id"]!.GetValue<string>() == key["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("obs_thisIsNotAValidKeyAtAllxxxxxxxxxxxxxxxx")]
    [InlineData("obs_0000000000000000000000000000000000000000")]
    [InlineData("not-a-known-credential")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")]
    public async Task A_wrong_credential_is_a_401_with_www_authenticate_never_public(string credential)
    {
        var (status, problem, response) = await Client(credential).GetJsonAsync("/api/v1/analyze");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(401, problem!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Keys_still_work_when_redis_lost_the_key_projection()
    {
        var key = await CreateKeyAsync();
        await _stack.Redis.CommandAsync("DEL", "observatory:apikeys");
        var cold = await _stack.StartGatewayAsync(); // empty in-memory cache, empty Redis projection

        var client = new HttpClient { BaseAddress = cold.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key["key"]!.GetValue<string>());
        var (status, body, _) = await client.GetJsonAsync("/api/v1/account");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("standard", body!["tier"]!.GetValue<string>());
        Assert.Contains(key["id"]!.GetValue<string>(), await _stack.Redis.CommandAsync("HGET", "observatory:apikeys", Observatory.Identity.ApiKeyFormat.Hash(key["key"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Partner_tokens_are_validated_for_signature_audience_lifetime_and_tier()
    {
        var valid = await Client(PartnerToken()).GetJsonAsync("/api/v1/account");
        var expired = await Client(PartnerToken(expires: DateTime.UtcNow.AddMinutes(-5))).GetJsonAsync("/api/v1/account");
        var wrongAudience = await Client(PartnerToken(audience: "someone-else")).GetJsonAsync("/api/v1/account");
        var notPartner = await Client(PartnerToken(tier: "standard")).GetJsonAsync("/api/v1/account");
        var wrongKey = await Client(PartnerToken(signingKey: "another-signing-key-0123456789abcdefgh")).GetJsonAsync("/api/v1/account");

        Assert.Equal(HttpStatusCode.OK, valid.Status);
        Assert.Equal("partner", valid.Body!["tier"]!.GetValue<string>());
        Assert.Equal("jwt:partner-7", valid.Body["principal"]!.GetValue<string>());
        Assert.Equal(600, valid.Body["limits"]!["per_minute"]!.GetValue<int>());
        Assert.All([expired, wrongAudience, notPartner, wrongKey], r => Assert.Equal(HttpStatusCode.Unauthorized, r.Status));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_by_every_gateway_within_five_seconds()
    {
        var second = await _stack.StartGatewayAsync();
        var key = await CreateKeyAsync();
        var secondClient = new HttpClient { BaseAddress = second.BaseAddress };
        secondClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key["key"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await secondClient.GetJsonAsync("/api/v1/account")).Status);

        var revoke = await Client(ServiceStack.AdminKey).SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/admin/api-keys/{key["id"]}"));
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(5);
        HttpStatusCode status;
        do status = (await secondClient.GetJsonAsync("/api/v1/account")).Status;
        while (status != HttpStatusCode.Unauthorized && DateTime.UtcNow < deadline && await Delay());
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task The_eleventh_public_request_in_a_minute_is_refused_before_reaching_the_api_and_gateways_share_the_budget()
    {
        // Public callers are keyed by address; every test here shares 127.0.0.1, so this test owns the budget by
        // running in its own stack.
        await using var stack = await ServiceStack.StartAsync("e2e-limits", new Dictionary<string, string?>
        {
            ["Observatory__RateLimits__Public__PerMinute"] = "10",
            ["Observatory__RateLimits__Public__PerDay"] = "500",
        });
        var second = await stack.StartGatewayAsync();
        var first = new HttpClient { BaseAddress = stack.Gateway.BaseAddress };
        first.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9"); // not a trusted proxy: ignored
        var other = new HttpClient { BaseAddress = second.BaseAddress };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            var (status, _, response) = await (i % 2 == 0 ? first : other).GetJsonAsync($"/api/v1/analyze/{Guid.NewGuid()}");
            statuses.Add(status);
            Assert.Equal("10", response.Headers.GetValues("X-RateLimit-Limit").Single());
            Assert.Equal((9 - i).ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-RateLimit-Remaining").Single());
            Assert.Equal("\"minute\";q=10;w=60, \"day\";q=500;w=86400", response.Headers.GetValues("RateLimit-Policy").Single());
        }
        var (limited, problem, limitedResponse) = await first.GetJsonAsync($"/api/v1/analyze/{Guid.NewGuid()}");
        var health = await first.GetAsync("/health");
        var docs = await first.GetAsync("/openapi/v1.json");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s)); // reached the API: unknown ids
        Assert.Equal(HttpStatusCode.TooManyRequests, limited);
        var retryAfter = int.Parse(limitedResponse.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("public", problem!["tier"]!.GetValue<string>());
        Assert.Equal("minute", problem["window"]!.GetValue<string>());
        Assert.Equal(10, problem["limit"]!.GetValue<int>());
        Assert.Equal(retryAfter, problem["retry_after"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.False(health.Headers.Contains("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task Identity_headers_sent_by_a_client_are_dropped_at_the_gateway()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/analyze");
        request.Headers.Add("X-Observatory-Principal", "admin");
        request.Headers.Add("X-Observatory-Tier", "admin");
        request.Headers.Add("X-Observatory-Identity-Timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Observatory-Identity-Signature", "forged");

        var (status, _, _) = await Client(forwardedFor: "198.51.100.1").SendJsonAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, status); // still public: listing needs an identity
    }

    [Fact]
    public async Task Analyses_belong_to_their_key_admin_sees_all_and_others_get_404()
    {
        var owner = Client((await CreateKeyAsync())["key"]!.GetValue<string>());
        var stranger = Client((await CreateKeyAsync("partner"))["key"]!.GetValue<string>());
        var (_, created, _) = await owner.PostJsonAsync("/api/v1/analyze", SampleConversations.Small(1));
        var id = created!["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await owner.GetJsonAsync($"/api/v1/analyze/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetJsonAsync($"/api/v1/analyze/{id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Client(ServiceStack.AdminKey).GetJsonAsync($"/api/v1/analyze/{id}")).Status);
        var list = await owner.GetJsonAsync("/api/v1/analyze");
        Assert.Contains(list.Body!["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == id);
        Assert.Empty((await stranger.GetJsonAsync("/api/v1/analyze")).Body!["items"]!.AsArray());
    }

    [Fact]
    public async Task Every_api_request_is_audited_with_principal_status_resource_and_trace()
    {
        var key = await CreateKeyAsync();
        var client = Client(key["key"]!.GetValue<string>());
        var (_, created, response) = await client.PostJsonAsync("/api/v1/analyze", SampleConversations.Small(2));
        var id = created!["id"]!.GetValue<string>();
        var traceId = response.Headers.GetValues("X-Trace-Id").Single();

        JsonNode? entry = null;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (entry is null && DateTime.UtcNow < deadline)
        {
            var audit = await Client(ServiceStack.AdminKey).GetJsonAsync("/admin/audit?limit=1000");
            entry = audit.Body!["items"]!.AsArray().FirstOrDefault(e => e!["trace_id"]?.GetValue<string>() == traceId);
            if (entry is null) await Task.Delay(200);
        }

        Assert.NotNull(entry);
        Assert.Equal($"key:{key["id"]!.GetValue<string>()}", entry!["principal"]!.GetValue<string>());
        Assert.Equal("standard", entry["tier"]!.GetValue<string>());
        Assert.Equal(key["prefix"]!.GetValue<string>(), entry["key_prefix"]!.GetValue<string>());
        Assert.Equal("POST", entry["method"]!.GetValue<string>());
        Assert.Equal("/api/v1/analyze", entry["path"]!.GetValue<string>());
        Assert.Equal(202, entry["status"]!.GetValue<int>());
        Assert.Equal(id, entry["resource_id"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(entry["client_ip"]?.GetValue<string>()));
        var admin = await Client(ServiceStack.AdminKey).GetJsonAsync("/admin/audit?limit=1000");
        Assert.Contains(admin.Body!["items"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "admin" && e["resource_id"]!.GetValue<string>() == key["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_admin_api_and_metrics_refuse_everyone_else()
    {
        var key = (await CreateKeyAsync())["key"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.Unauthorized, (await Client(forwardedFor: "192.0.2.1").GetJsonAsync("/admin/api-keys")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client(key).GetJsonAsync("/admin/api-keys")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client().GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client(key).GetAsync("/metrics")).StatusCode);
        var metrics = await Client(PartnerToken()).GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        var text = await metrics.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.Contains("# ApiService", text);
        Assert.Contains("Npgsql", text); // only the ApiService talks to PostgreSQL
        Assert.Contains("# AnalysisWorker", text);
        Assert.Contains("observatory_analyses_running", text); // a gauge only the worker has
    }

    [Fact]
    public async Task A_call_without_the_credential_it_needs_is_a_401_that_says_a_bearer_credential_is_expected()
    {
        using var list = await Client().GetAsync("/api/v1/analyze");
        using var account = await Client().GetAsync("/api/v1/account");
        using var metrics = await Client().GetAsync("/metrics");

        foreach (var response in new[] { list, account, metrics })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer realm=\"observatory\"", response.Headers.WwwAuthenticate.ToString());
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_path_nothing_serves_is_a_problem_404_with_its_trace_id()
    {
        using var response = await Client().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(404, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Trace-Id")), problem["trace_id"]!.GetValue<string>());
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Webhook_secrets_rotate_for_the_caller_and_every_response_has_security_headers()
    {
        var client = Client((await CreateKeyAsync())["key"]!.GetValue<string>());

        var (status, body, response) = await client.PostJsonAsync("/api/v1/account/webhook-secret", "{}");
        var publicRotation = await Client().PostJsonAsync("/api/v1/account/webhook-secret", "{}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("whsec_", body!["webhook_secret"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, publicRotation.Status);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    private static string PartnerToken(DateTime? expires = null, string audience = "observatory-api", string tier = "partner",
        string signingKey = ServiceStack.JwtSigningKey)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "observatory",
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", "partner-7"), new Claim("tier", tier)]),
            NotBefore = expiry.AddMinutes(-20),
            IssuedAt = expiry.AddMinutes(-20),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(100);
        return true;
    }
}
