using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Observatory.Tests.ServiceDefaults;

public sealed partial class TraceIdTests : IAsyncLifetime
{
    private ServiceDefaultsTestHost host = null!;

    public async Task InitializeAsync() => host = await ServiceDefaultsTestHost.StartAsync(app =>
    {
        app.MapGet("/ok", () => "fine");
        app.MapGet("/conflict", () => Results.Problem(statusCode: 409, title: "Already exists", detail: "Pick another name."));
        app.MapGet("/bare-problem", () => Results.Problem(statusCode: 404));
        app.MapGet("/boom", IResult () => throw new InvalidOperationException("secret internals"));
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Ok_response_carries_a_w3c_trace_id()
    {
        using var response = await host.Client.GetAsync("/ok");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(TraceIdPattern(), TraceIdOf(response));
        Assert.NotEqual(new string('0', 32), TraceIdOf(response));
    }

    [Fact]
    public async Task Trace_id_is_the_one_propagated_by_the_caller()
    {
        const string callerTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ok");
        request.Headers.Add("traceparent", $"00-{callerTraceId}-00f067aa0ba902b7-01");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(callerTraceId, TraceIdOf(response));
    }

    [Fact]
    public async Task Not_found_response_carries_a_trace_id()
    {
        using var response = await host.Client.GetAsync("/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Matches(TraceIdPattern(), TraceIdOf(response));
    }

    [Fact]
    public async Task Problem_response_carries_the_trace_id_in_header_and_body()
    {
        using var response = await host.Client.GetAsync("/conflict");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var body = problem.RootElement;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(TraceIdPattern(), TraceIdOf(response));
        Assert.Equal(TraceIdOf(response), body.GetProperty("trace_id").GetString());
        Assert.False(body.TryGetProperty("traceId", out _), "ASP.NET Core's camelCase traceId should be replaced");
        Assert.Equal(409, body.GetProperty("status").GetInt32());
        Assert.Equal("Already exists", body.GetProperty("title").GetString());
        Assert.Equal("Pick another name.", body.GetProperty("detail").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Problem_without_detail_still_has_every_rfc_9457_member()
    {
        using var response = await host.Client.GetAsync("/bare-problem");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var body = problem.RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        foreach (var member in new[] { "type", "title", "detail" })
        {
            Assert.False(string.IsNullOrEmpty(body.GetProperty(member).GetString()), member);
        }

        Assert.Equal(404, body.GetProperty("status").GetInt32());
        Assert.Equal(TraceIdOf(response), body.GetProperty("trace_id").GetString());
    }

    [Fact]
    public async Task Unhandled_exception_becomes_a_500_problem_with_the_trace_id()
    {
        using var response = await host.Client.GetAsync("/boom");
        var text = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(text);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(TraceIdPattern(), TraceIdOf(response));
        Assert.Equal(TraceIdOf(response), problem.RootElement.GetProperty("trace_id").GetString());
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("secret internals", text, StringComparison.Ordinal);
    }

    private static string TraceIdOf(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("X-Trace-Id"));

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TraceIdPattern();
}
