using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.EndToEnd.Ui;

/// <summary>One stack and one headless Chromium for the web UI tests: the services as real processes behind the
/// gateway, with the contract's public limits (10 a minute), and a standard API key the browser uses (60 a minute)
/// so the UI's own requests are authenticated the way a user with a key makes them.</summary>
public sealed class WebUiStack : IAsyncLifetime
{
    /// <summary>Debian's Chromium: no browser can be downloaded here (STACK.md); <c>./observatory test</c> installs it.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public ServiceStack Stack { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string ApiKey { get; private set; } = null!;

    /// <summary>Calls the API with the same key the browser uses, to compare what the page shows with the API.</summary>
    public HttpClient KeyedClient { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: the web UI tests drive Debian's Chromium. Install it with `apt-get install -y chromium` (./observatory test does this).");

        Stack = await ServiceStack.StartAsync("e2e-ui", new Dictionary<string, string?>
        {
            ["Observatory__RateLimits__Public__PerMinute"] = "10",
            ["Observatory__RateLimits__Public__PerDay"] = "500",
        });
        using var admin = new HttpClient { BaseAddress = Stack.Gateway.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServiceStack.AdminKey);
        var (status, key, _) = await admin.PostJsonAsync("/admin/api-keys", """{"name":"web ui tests","tier":"standard"}""");
        if (status != HttpStatusCode.Created) throw new InvalidOperationException($"Creating the test API key answered {status}.\n{Stack.Logs()}");
        ApiKey = key!["key"]!.GetValue<string>();
        KeyedClient = new HttpClient { BaseAddress = Stack.Gateway.BaseAddress };
        KeyedClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser context (own storage, downloads accepted) whose page records console errors,
    /// uncaught exceptions and CSP violations.</summary>
    public async Task<UiPage> OpenAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Stack.Gateway.BaseAddress.ToString(),
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return await UiPage.AttachAsync(context, page);
    }

    public async Task DisposeAsync()
    {
        KeyedClient?.Dispose();
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Stack is not null) await Stack.DisposeAsync();
    }
}

/// <summary>A page of the UI and the problems it reported: console errors, uncaught exceptions, CSP violations.</summary>
public sealed class UiPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private UiPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    internal static async Task<UiPage> AttachAsync(IBrowserContext context, IPage page)
    {
        var ui = new UiPage(context, page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (ui._errors) ui._errors.Add($"console error: {message.Text}");
        };
        page.PageError += (_, error) => { lock (ui._errors) ui._errors.Add($"uncaught: {error}"); };
        // Chromium also logs violations to the console; the DOM event makes them certain to be seen.
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
              console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
            """);
        return ui;
    }

    /// <summary>Opens the UI and types the key into the key menu, as a user would.</summary>
    public async Task StartWithKeyAsync(string apiKey, string path = "/")
    {
        await Page.GotoAsync(path);
        await UseKeyAsync(apiKey);
    }

    public async Task UseKeyAsync(string apiKey)
    {
        await Page.Locator("#key-menu summary").ClickAsync();
        await Page.Locator("#api-key").FillAsync(apiKey);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Use key" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#key-state")).ToContainTextAsync(apiKey[..12]);
        await Page.Locator("#key-menu summary").ClickAsync();
    }

    /// <summary>Waits for the analysis view to reach a terminal status and returns the analysis id from the URL.</summary>
    public async Task<string> WaitForTerminalAsync(string status = "completed")
    {
        var problem = Page.Locator("#compose-problem");
        await Assertions.Expect(Page.Locator("#view-analysis:visible, #compose-problem:visible").First).ToBeVisibleAsync();
        if (await problem.IsVisibleAsync()) throw new InvalidOperationException($"The submission was refused: {await problem.InnerTextAsync()}");
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/analysis/[0-9a-f-]{36}$"));
        await Assertions.Expect(Page.Locator("#status-badge")).ToHaveTextAsync(status, new() { Timeout = 30_000 });
        return Page.Url[(Page.Url.LastIndexOf('/') + 1)..];
    }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors) return [.. _errors];
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
