using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.EndToEnd.Ui;

/// <summary>CONTRACT §8, "/ at the gateway: the web UI": a real Chromium drives the page served by the gateway
/// against the real services — pick an example or paste a transcript, watch it finish, read the charts, see the
/// API's problems, download exports — with no console error and no CSP violation on the way.</summary>
public sealed class WebUiTests(WebUiStack fixture) : IClassFixture<WebUiStack>
{
    private const string PastedTranscript = """
        [10:02] Ada: The deploy failed again last night. Why does the migration keep timing out?
        [10:03] Grace: Because it rewrites the whole table in one transaction. It is slow on big tables.
        [10:04] Ada: That makes sense. Could we batch it instead?
        [10:06] Grace: Yes, batching by id ranges works well. I'll write it today.
        [10:07] Ada: Great, thank you! That is a relief.
        """;

    [Fact]
    public async Task Picking_an_example_shows_live_progress_then_the_result_with_charts_and_insights()
    {
        await using var ui = await fixture.OpenAsync();
        var page = ui.Page;
        await ui.StartWithKeyAsync(fixture.ApiKey);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Example" }).ClickAsync();
        var card = page.Locator(".example-card[data-name='support-refund-turnaround']");
        await card.ClickAsync();
        await Assertions.Expect(card).ToHaveAttributeAsync("aria-checked", "true");
        await Assertions.Expect(page.Locator("#example-preview-messages li").First).ToContainTextAsync("Maya");
        var exampleTitle = await card.Locator(".title").InnerTextAsync();
        await ScreenshotAsync(page, "ui-compose.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse" }).ClickAsync();

        var id = await ui.WaitForTerminalAsync();
        var progress = page.Locator("#progress");
        await Assertions.Expect(progress).ToHaveAttributeAsync("aria-valuenow", "100");
        await Assertions.Expect(progress).ToHaveAttributeAsync("role", "progressbar");
        await Assertions.Expect(page.Locator("#analysis-heading")).ToHaveTextAsync(exampleTitle);
        await Assertions.Expect(page.Locator("#cancel-button")).ToBeHiddenAsync();

        // What the page shows is what the API returns for the same analysis.
        var (status, resource, _) = await fixture.KeyedClient.GetJsonAsync($"/api/v1/analyze/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        var result = resource!["result"]!;
        var trajectory = result["patterns"]!["sentiment"]!["trajectory"]!.AsArray();
        var participants = result["conversation"]!["participants"]!.AsArray();
        var insights = result["insights"]!.AsArray();
        Assert.True(trajectory.Count > 1 && participants.Count == 2 && insights.Count > 0, resource.ToJsonString());

        var line = page.Locator("#sentiment svg.sentiment-chart path.line");
        await Assertions.Expect(line).ToHaveCountAsync(1);
        Assert.Equal(trajectory.Count - 1, (await line.GetAttributeAsync("d"))!.Count(c => c == 'L'));
        await Assertions.Expect(page.Locator("#sentiment svg circle.point")).ToHaveCountAsync(trajectory.Count);
        await Assertions.Expect(page.Locator("#participation svg rect.bar")).ToHaveCountAsync(participants.Count);
        await Assertions.Expect(page.Locator("#participation svg .bar-label")).ToHaveTextAsync(
            participants.Select(p => p!["speaker"]!.GetValue<string>()).ToArray());
        await Assertions.Expect(page.Locator("#insights li")).ToHaveTextAsync(insights.Select(i => i!.GetValue<string>()).ToArray());
        await Assertions.Expect(page.Locator("#key-moments .moment")).ToHaveCountAsync(result["key_moments"]!.AsArray().Count);
        await Assertions.Expect(page.Locator("#topics svg rect.segment")).ToHaveCountAsync(result["patterns"]!["topics"]!["segments"]!.AsArray().Count);
        await Assertions.Expect(page.Locator("#confidence svg.gauge")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#exports")).ToBeVisibleAsync();

        await ScreenshotAsync(page, "ui-result.png");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await ScreenshotAsync(page, "ui-result-dark.png");
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task A_pasted_transcript_is_analysed_and_a_pattern_not_requested_reads_as_such()
    {
        await using var ui = await fixture.OpenAsync();
        var page = ui.Page;
        await ui.StartWithKeyAsync(fixture.ApiKey);

        await page.GetByLabel("Conversation", new() { Exact = true }).FillAsync(PastedTranscript);
        await page.GetByLabel("Recursive").UncheckAsync();
        await page.GetByLabel("Off").CheckAsync();
        await page.GetByLabel("Title").FillAsync("Migration timeouts");
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse" }).ClickAsync();

        var id = await ui.WaitForTerminalAsync();
        await Assertions.Expect(page.Locator("#analysis-heading")).ToHaveTextAsync("Migration timeouts");
        await Assertions.Expect(page.Locator("#participation svg .bar-label")).ToHaveTextAsync(["Ada", "Grace"]);
        await Assertions.Expect(page.Locator("#recursive .not-requested")).ToContainTextAsync("not requested");
        await Assertions.Expect(page.Locator("#sentiment svg path.line")).ToHaveCountAsync(1);
        var (_, resource, _) = await fixture.KeyedClient.GetJsonAsync($"/api/v1/analyze/{id}");
        Assert.Equal(5, resource!["result"]!["conversation"]!["messages"]!.GetValue<int>());
        Assert.Null(resource["result"]!["patterns"]!["recursive"]);

        // A reload keeps the result: the hash route reads the analysis again.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#status-badge")).ToHaveTextAsync("completed");
        await Assertions.Expect(page.Locator("#participation svg rect.bar")).ToHaveCountAsync(2);
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task An_uploaded_transcript_file_is_loaded_for_review_then_analysed()
    {
        await using var ui = await fixture.OpenAsync();
        var page = ui.Page;
        await ui.StartWithKeyAsync(fixture.ApiKey);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Upload" }).ClickAsync();
        await page.Locator("#conversation-file").SetInputFilesAsync(new FilePayload
        {
            Name = "standup.txt",
            MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes(PastedTranscript),
        });

        // The file lands in the paste box, so the user sees what will be sent before sending it.
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Paste" })).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.GetByLabel("Conversation", new() { Exact = true })).ToHaveValueAsync(PastedTranscript);
        await Assertions.Expect(page.Locator("#file-status")).ToContainTextAsync("Loaded standup.txt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse" }).ClickAsync();

        var id = await ui.WaitForTerminalAsync();
        await Assertions.Expect(page.Locator("#participation svg .bar-label")).ToHaveTextAsync(["Ada", "Grace"]);
        var (_, resource, _) = await fixture.KeyedClient.GetJsonAsync($"/api/v1/analyze/{id}");
        Assert.Equal(5, resource!["result"]!["conversation"]!["messages"]!.GetValue<int>());
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task A_queued_analysis_is_cancelled_from_its_page()
    {
        // With no worker running the analysis waits in the queue, long enough to press Cancel.
        var worker = fixture.Stack.Workers[^1];
        await worker.StopAsync();
        try
        {
            await using var ui = await fixture.OpenAsync();
            var page = ui.Page;
            await ui.StartWithKeyAsync(fixture.ApiKey);
            await page.GetByLabel("Conversation", new() { Exact = true }).FillAsync(PastedTranscript);
            await page.GetByRole(AriaRole.Button, new() { Name = "Analyse" }).ClickAsync();
            await Assertions.Expect(page.Locator("#status-badge")).ToHaveTextAsync("queued");
            var cancel = page.GetByRole(AriaRole.Button, new() { Name = "Cancel" });
            await Assertions.Expect(cancel).ToBeVisibleAsync();

            await cancel.ClickAsync();

            var id = await ui.WaitForTerminalAsync("cancelled");
            await Assertions.Expect(page.Locator("#status-text")).ToHaveTextAsync("The analysis was cancelled.");
            await Assertions.Expect(cancel).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("#exports")).ToBeHiddenAsync();
            var (_, resource, _) = await fixture.KeyedClient.GetJsonAsync($"/api/v1/analyze/{id}");
            Assert.Equal("cancelled", resource!["status"]!.GetValue<string>());
            Assert.Null(resource["result"]);
            Assert.Empty(ui.Errors);
        }
        finally
        {
            await fixture.Stack.StartWorkerAsync();
        }
    }

    [Theory]
    [InlineData("", """{"transcript":"","options":{"patterns":["dialectic","sentiment","topics","dynamics","recursive"],"llm":"auto"}}""")]
    [InlineData("""{"messages": [{"speaker": "Ada", "content": "hi"}""", """{"messages": [{"speaker": "Ada", "content": "hi"}""")]
    public async Task A_validation_problem_is_shown_with_each_field_path_the_api_named(string pasted, string equivalentBody)
    {
        var (status, problem, _) = await fixture.KeyedClient.PostJsonAsync("/api/v1/analyze", equivalentBody);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var expected = problem!["errors"]!.AsObject().Select(e => (Path: e.Key, Message: e.Value!.AsArray()[0]!.GetValue<string>())).ToList();
        await using var ui = await fixture.OpenAsync();
        var page = ui.Page;
        await ui.StartWithKeyAsync(fixture.ApiKey);

        await page.GetByLabel("Conversation", new() { Exact = true }).FillAsync(pasted);
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse" }).ClickAsync();

        var shown = page.Locator("#compose-problem");
        await Assertions.Expect(shown).ToBeVisibleAsync();
        await Assertions.Expect(shown).ToHaveAttributeAsync("data-status", "400");
        await Assertions.Expect(shown.Locator(".problem-title")).ToHaveTextAsync(problem["title"]!.GetValue<string>());
        await Assertions.Expect(shown.Locator(".field-errors .path")).ToHaveTextAsync(expected.Select(e => e.Path).ToArray());
        await Assertions.Expect(shown.Locator(".field-errors li")).ToContainTextAsync(expected.Select(e => e.Message).ToArray());
        await Assertions.Expect(page.Locator("#view-compose")).ToBeVisibleAsync();
        Assert.DoesNotContain(ui.Errors, e => !IsBrowserNetworkLog(e, 400));
    }

    [Fact]
    public async Task Exports_download_as_files_with_the_callers_key()
    {
        var (status, done, _) = await fixture.KeyedClient.PostJsonAsync("/api/v1/analyze?wait=30", SampleConversations.RefundChat);
        Assert.Equal(HttpStatusCode.OK, status);
        var id = done!["id"]!.GetValue<string>();
        await using var ui = await fixture.OpenAsync();
        var page = ui.Page;

        // Opened by its link without the key, the analysis is someone else's: 404. With the key, the view reloads it.
        await page.GotoAsync($"/#/analysis/{id}");
        await Assertions.Expect(page.Locator("#status-badge")).ToHaveTextAsync("not found");
        await Assertions.Expect(page.Locator("#analysis-problem")).ToHaveAttributeAsync("data-status", "404");
        await ui.UseKeyAsync(fixture.ApiKey);
        await Assertions.Expect(page.Locator("#status-badge")).ToHaveTextAsync("completed");
        await Assertions.Expect(page.Locator("#analysis-problem")).ToBeHiddenAsync();

        var json = await page.RunAndWaitForDownloadAsync(() => page.Locator("#exports button[data-format='json']").ClickAsync());
        var downloaded = JsonNode.Parse(await File.ReadAllTextAsync((await json.PathAsync())!))!;
        Assert.Equal(id, downloaded["id"]!.GetValue<string>());
        Assert.Equal($"analysis-{id}.json", json.SuggestedFilename);

        using var csvResponse = await fixture.KeyedClient.GetAsync($"/api/v1/analyze/{id}?format=csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        var served = await csvResponse.Content.ReadAsStringAsync();
        var csv = await page.RunAndWaitForDownloadAsync(() => page.Locator("#exports button[data-format='csv']").ClickAsync());
        var text = await File.ReadAllTextAsync((await csv.PathAsync())!);
        Assert.Equal($"analysis-{id}.csv", csv.SuggestedFilename);
        Assert.StartsWith("index,speaker,", text.Split('\n')[0], StringComparison.Ordinal);
        Assert.Equal(served, text);

        var markdown = await page.RunAndWaitForDownloadAsync(() => page.Locator("#exports button[data-format='markdown']").ClickAsync());
        Assert.Equal($"analysis-{id}.md", markdown.SuggestedFilename);
        Assert.StartsWith("# ", await File.ReadAllTextAsync((await markdown.PathAsync())!), StringComparison.Ordinal);
        Assert.DoesNotContain(ui.Errors, e => !IsBrowserNetworkLog(e, 404));
    }

    [Fact]
    public async Task A_caller_over_its_limit_is_told_when_to_retry()
    {
        using var admin = new HttpClient { BaseAddress = fixture.Stack.Gateway.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", ServiceStack.AdminKey);
        var (_, created, _) = await admin.PostJsonAsync("/admin/api-keys", """{"name":"spent key","tier":"standard"}""");
        var key = created!["key"]!.GetValue<string>();
        using var spender = new HttpClient { BaseAddress = fixture.Stack.Gateway.BaseAddress };
        spender.DefaultRequestHeaders.Authorization = new("Bearer", key);
        HttpStatusCode last;
        var sent = 0;
        do
        {
            using var response = await spender.GetAsync("/api/v1/account");
            last = response.StatusCode;
        }
        while (last == HttpStatusCode.OK && ++sent <= 60);
        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        await using var ui = await fixture.OpenAsync();
        var page = ui.Page;
        await ui.StartWithKeyAsync(key);

        await page.GetByLabel("Conversation", new() { Exact = true }).FillAsync(PastedTranscript);
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse" }).ClickAsync();

        var shown = page.Locator("#compose-problem");
        await Assertions.Expect(shown).ToHaveAttributeAsync("data-status", "429");
        await Assertions.Expect(shown).ToContainTextAsync("The standard tier allows 60 requests per minute");
        var retryAfter = int.Parse((await shown.Locator(".retry-after").GetAttributeAsync("data-retry-after"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        await Assertions.Expect(shown.Locator(".retry-after")).ToContainTextAsync("Retry after");
        Assert.DoesNotContain(ui.Errors, e => !IsBrowserNetworkLog(e, 429));
    }

    [Fact]
    public async Task The_page_reads_event_streams_and_pasted_text_the_way_the_api_expects()
    {
        await using var ui = await fixture.OpenAsync();
        await ui.Page.GotoAsync("/");

        // Frames split across network chunks, CRLF split between two chunks, comments, multi-line data, and an
        // unterminated last frame (discarded, as EventSource does).
        var events = await ui.Page.EvaluateAsync<string[]>("""
            async () => {
              const { SseParser } = await import('/ui/js/sse.js');
              const parser = new SseParser();
              const chunks = ['event: status\r', '\ndata: {"status":"running","progress":0.5}\r\n\r\n: keep-alive\n\n',
                              'event: completed\ndata: first\ndata: second\n', '\nevent: status\ndata: cut'];
              return chunks.flatMap(c => parser.push(c)).map(e => `${e.event}|${e.data}`);
            }
            """);
        Assert.Equal(["status|{\"status\":\"running\",\"progress\":0.5}", "completed|first\nsecond"], events);

        var requests = await ui.Page.EvaluateAsync<string[]>("""
            async () => {
              const { buildRequest } = await import('/ui/js/compose.js');
              const options = { patterns: ['sentiment'], llm: 'off', title: '' };
              return [
                buildRequest('tab-paste', '[10:02] Ada: hi\n[10:03] Bo: hello', null, options),
                buildRequest('tab-paste', '[{"role":"user","content":"hi"}]', null, options),
                buildRequest('tab-paste', '{"messages":[{"speaker":"A","content":"x"}],"options":{"callback_url":"https://h.example/cb"}}', null, options),
                buildRequest('tab-paste', '{"messages": [', null, options),
                buildRequest('tab-example', '', { name: 'support-refund-turnaround', title: 'A title' }, options),
              ].map(r => JSON.stringify(r));
            }
            """);
        Assert.Equal(
        [
            """{"body":{"transcript":"[10:02] Ada: hi\n[10:03] Bo: hello","options":{"patterns":["sentiment"],"llm":"off"}}}""",
            """{"body":{"messages":[{"role":"user","content":"hi"}],"options":{"patterns":["sentiment"],"llm":"off"}}}""",
            """{"body":{"messages":[{"speaker":"A","content":"x"}],"options":{"callback_url":"https://h.example/cb","patterns":["sentiment"],"llm":"off"}}}""",
            """{"raw":"{\"messages\": ["}""",
            """{"body":{"example":"support-refund-turnaround","title":"A title","options":{"patterns":["sentiment"],"llm":"off"}}}""",
        ], requests);
        Assert.Empty(ui.Errors);
    }

    [Fact]
    public async Task The_page_carries_the_security_headers_and_its_files_are_never_rate_limited()
    {
        using var publicClient = new HttpClient { BaseAddress = fixture.Stack.Gateway.BaseAddress };
        foreach (var round in Enumerable.Range(0, 12))
        {
            foreach (var path in new[] { "/", "/ui/app.css", "/ui/js/main.js" })
            {
                using var response = await publicClient.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} (load {round + 1}) answered {response.StatusCode}");
                Assert.False(response.Headers.Contains("RateLimit-Policy"), $"{path} was counted against the public limit");
                Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
                Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
                var policy = response.Headers.GetValues("Content-Security-Policy").Single();
                Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
                Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
                Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
                Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
                Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
            }
        }
        using var page = await publicClient.GetAsync("/");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script type=\"module\" src=\"/ui/js/main.js\"></script>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The limiter is on for this caller: the API paths next to the page are counted, and unknown paths are not the UI.
        using var examples = await publicClient.GetAsync("/examples");
        Assert.Contains("\"minute\";q=10", examples.Headers.GetValues("RateLimit-Policy").Single(), StringComparison.Ordinal);
        using var unknown = await publicClient.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>Screenshots for people, not assertions: taken only when OBSERVATORY_UI_SCREENSHOTS names a directory.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable("OBSERVATORY_UI_SCREENSHOTS");
        if (string.IsNullOrEmpty(directory)) return;
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, name), FullPage = true });
    }

    /// <summary>Chromium reports an HTTP error answer to fetch() on the console ("Failed to load resource: … status
    /// of 400 (Bad Request)"); for a request the test provokes on purpose, that line is expected, anything else is not.</summary>
    private static bool IsBrowserNetworkLog(string error, params int[] statuses) =>
        error.Contains("Failed to load resource", StringComparison.Ordinal)
        && statuses.Any(status => error.Contains($"status of {status} ", StringComparison.Ordinal));
}
