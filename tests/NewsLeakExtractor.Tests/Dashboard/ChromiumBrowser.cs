using Microsoft.Playwright;
using Xunit;

namespace NewsLeakExtractor.Tests.Dashboard;

/// <summary>
/// Debian's Chromium driven by Playwright, shared by a test class. Playwright's own browser download is never used:
/// the executable comes from <c>NLE_TEST_CHROMIUM</c> (set by tests/run-all.sh) or /usr/bin/chromium, and the tests skip
/// with <see cref="SkipReason"/> when there is none.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public string? SkipReason { get; private set; }

    public static string? ExecutablePath =>
        new[] { Environment.GetEnvironmentVariable("NLE_TEST_CHROMIUM"), "/usr/bin/chromium" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    public async Task InitializeAsync()
    {
        if (ExecutablePath is not { } executable)
        {
            SkipReason = "no Chromium: install Debian's chromium (/usr/bin/chromium) or set NLE_TEST_CHROMIUM to its path";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                // Nothing but this machine's loopback is reachable from the browser under test.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            ],
        });
    }

    /// <summary>A fresh page (own cookies) of the given size that records console errors and any dialog a script opens.</summary>
    public async Task<WatchedPage> NewPageAsync(int width = 1366, int height = 900)
    {
        Skip.If(Browser is null, SkipReason);
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        var watched = new WatchedPage(context, page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                watched.ConsoleErrors.Add(message.Text);
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            watched.Dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        return watched;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>A page with what it reported: console errors (a CSP violation is one) and dialogs (alert() from injected script).</summary>
public sealed class WatchedPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public List<string> ConsoleErrors { get; } = [];

    public List<string> Dialogs { get; } = [];

    public ValueTask DisposeAsync() => context.DisposeAsync();
}
