using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NewsLeakExtractor.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace NewsLeakExtractor.Tests.Dashboard;

/// <summary>The dashboard in a real browser (Debian's Chromium) over real HTTP: filtering, evidence, reprocessing, escaping, keyboard, phone width.</summary>
public sealed class DashboardBrowserTests : IClassFixture<DashboardSite>, IClassFixture<ShowcaseSite>, IClassFixture<ChromiumBrowser>
{
    private readonly DashboardSite _site;
    private readonly ShowcaseSite _showcase;
    private readonly ChromiumBrowser _chromium;
    private readonly ITestOutputHelper _output;

    public DashboardBrowserTests(DashboardSite site, ShowcaseSite showcase, ChromiumBrowser chromium, ITestOutputHelper output)
    {
        _site = site;
        _showcase = showcase;
        _chromium = chromium;
        _output = output;
    }

    [SkippableFact]
    public async Task Filter_open_an_event_and_follow_a_field_to_its_highlighted_evidence()
    {
        await using var watched = await _chromium.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(new Uri(_site.BaseUri, "/").ToString());

        await page.GetByLabel("Actor", new() { Exact = true }).FillAsync("Bram Keller");
        await page.GetByLabel("as", new() { Exact = true }).SelectOptionAsync("leaker");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("actor=Bram"));
        Assert.Contains("5 events match", await page.Locator(".counts").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(5, await page.Locator(".event-row").CountAsync());
        Assert.Equal("Bram Keller", await page.GetByLabel("Actor", new() { Exact = true }).InputValueAsync());

        await page.Locator(".event-summary a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/events/evt-"));
        Assert.True(await page.Locator(".article-text mark").CountAsync() >= 3);

        var disclosed = await page.Locator("a[href='#disclosed-1']").InnerTextAsync();
        await page.Locator("a[href='#disclosed-1']").ClickAsync();
        Assert.EndsWith("#disclosed-1", page.Url, StringComparison.Ordinal);
        var target = await page.EvaluateAsync<string>("() => document.querySelector(':target + mark').textContent");
        Assert.Equal(disclosed.Trim('“', '”'), target);
        Assert.True(await page.Locator(".article-text mark").First.IsVisibleAsync());

        Assert.Empty(watched.ConsoleErrors);
    }

    [SkippableFact]
    public async Task Injected_markup_in_titles_summaries_and_quotes_is_text_and_no_script_runs()
    {
        await using var watched = await _chromium.NewPageAsync();
        var page = watched.Page;

        foreach (var path in new[] { "/", "/events/" + DashboardFixtures.InjectedEventId, "/?q=harbour", "/actors/" + Uri.EscapeDataString(DashboardFixtures.BoldLeaker) })
        {
            await page.GotoAsync(new Uri(_site.BaseUri, path).ToString());
            Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
            Assert.Equal(0, await page.Locator("main script, main img, main iframe, main b").CountAsync());
        }

        await page.GotoAsync(new Uri(_site.BaseUri, "/events/" + DashboardFixtures.InjectedEventId).ToString());
        Assert.Equal(DashboardFixtures.ImageSummary, await page.Locator("h1").InnerTextAsync());
        Assert.Equal(DashboardFixtures.ScriptTitle, await page.Locator(".fields .article-title").InnerTextAsync());
        Assert.Equal(DashboardFixtures.QuoteMarkup, await page.Locator("blockquote.quote").InnerTextAsync());
        Assert.Contains(DashboardFixtures.BoldLeaker, await page.Locator(".actor-list").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(watched.Dialogs);
        Assert.Empty(watched.ConsoleErrors);
    }

    [SkippableFact]
    public async Task Reprocess_a_pasted_url_and_see_its_events()
    {
        await using var watched = await _chromium.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(new Uri(_showcase.BaseUri, "/reprocess").ToString());

        await page.GetByLabel("Article URL").FillAsync(_showcase.ArticleUrl.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Process now" }).ClickAsync();

        var result = page.Locator("section.result");
        await result.WaitForAsync();
        var text = await result.InnerTextAsync();
        _output.WriteLine(text);
        Assert.Contains("extracted", text, StringComparison.Ordinal);
        Assert.Contains("Greta Holm", text, StringComparison.Ordinal);
        Assert.Contains("Ferry contract papers handed to reporters", text, StringComparison.Ordinal);

        await result.Locator(".event-summary a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/events/"));
        var marks = string.Join("|", await page.Locator(".article-text mark").AllInnerTextsAsync());
        Assert.Contains("confidential tender documents", marks, StringComparison.Ordinal);

        // The event page's own button runs it again through the same form, token and all.
        await page.GetByRole(AriaRole.Button, new() { Name = "Reprocess this article" }).ClickAsync();
        await page.Locator("section.result").WaitForAsync();
        Assert.Contains("Greta Holm", await page.Locator("section.result").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(watched.ConsoleErrors);
    }

    [SkippableFact]
    public async Task A_refused_url_shows_the_error()
    {
        await using var watched = await _chromium.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(new Uri(_showcase.BaseUri, "/reprocess").ToString());

        // Served nowhere: the fetch fails and the page says why instead of showing events.
        await page.GetByLabel("Article URL").FillAsync(new Uri(_showcase.ArticleUrl, "/no-such-story").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Process now" }).ClickAsync();

        var alert = page.Locator(".result-failed[role=alert]");
        await alert.WaitForAsync();
        Assert.Contains("It did not work", await alert.InnerTextAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Keyboard_reaches_the_skip_link_first_and_every_page_fits_a_phone()
    {
        await using var watched = await _chromium.NewPageAsync(390, 844);
        var page = watched.Page;
        await page.GotoAsync(new Uri(_showcase.BaseUri, "/").ToString());

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        Assert.True(await page.EvaluateAsync<bool>("() => getComputedStyle(document.activeElement).outlineStyle !== 'none'"), "a visible focus ring");
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);

        var eventId = (await _showcase.Service.Store.QueryEventsAsync(new() { PageSize = 1 }, CancellationToken.None)).Events[0].Event.Id;
        foreach (var path in new[] { "/", "/events/" + eventId, "/overview", "/sources", "/reprocess", "/actors/Nadia%20Orlov" })
        {
            await page.GotoAsync(new Uri(_showcase.BaseUri, path).ToString());
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px at phone width");
        }

        Assert.Empty(watched.ConsoleErrors);
    }

    [SkippableFact]
    public async Task Hangfire_dashboard_is_linked_and_loads_under_its_policy()
    {
        await using var watched = await _chromium.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(new Uri(_site.BaseUri, "/").ToString());

        await page.GetByRole(AriaRole.Link, new() { Name = "Jobs" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/hangfire"));
        Assert.Contains("NewsLeakExtractor jobs", await page.TitleAsync(), StringComparison.Ordinal);
        foreach (var error in watched.ConsoleErrors)
        {
            _output.WriteLine("hangfire console: " + error);
        }

        Assert.DoesNotContain(watched.ConsoleErrors, error => error.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    /// <summary>
    /// The README's pictures. Written beside the test output every run; copied into docs/screenshots when
    /// NLE_UPDATE_SCREENSHOTS=1 (so an ordinary test run never changes the work tree).
    /// </summary>
    [SkippableFact]
    public async Task Screenshots_of_the_main_pages()
    {
        var outputDirectory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(outputDirectory);
        var eventId = DashboardFixtures.EventId(42, 0);

        await using (var laptop = await _chromium.NewPageAsync(1366, 900))
        {
            var page = laptop.Page;
            await ShootAsync(page, "/", "events.png", outputDirectory);
            await ShootAsync(page, "/?actor=Nadia+Orlov&role=leaker&classification=classified", "events-filtered.png", outputDirectory);
            await ShootAsync(page, "/events/" + eventId, "event.png", outputDirectory);
            await ShootAsync(page, "/overview", "overview.png", outputDirectory);
            await ShootAsync(page, "/sources", "sources.png", outputDirectory);

            await page.GotoAsync(new Uri(_showcase.BaseUri, "/reprocess").ToString());
            await page.GetByLabel("Article URL").FillAsync(_showcase.ArticleUrl.ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Process now" }).ClickAsync();
            await page.Locator("section.result").WaitForAsync();
            await SaveAsync(page, "reprocess.png", outputDirectory);
            Assert.Empty(laptop.ConsoleErrors);
        }

        await using (var phone = await _chromium.NewPageAsync(390, 844))
        {
            await ShootAsync(phone.Page, "/", "events-phone.png", outputDirectory);
            await ShootAsync(phone.Page, "/events/" + eventId, "event-phone.png", outputDirectory);
        }

        if (Environment.GetEnvironmentVariable("NLE_UPDATE_SCREENSHOTS") == "1" && TestPaths.RepositoryRoot is { } root)
        {
            var docs = Path.Combine(root, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            foreach (var file in Directory.GetFiles(outputDirectory, "*.png"))
            {
                File.Copy(file, Path.Combine(docs, Path.GetFileName(file)), overwrite: true);
            }

            _output.WriteLine($"screenshots written to {docs}");
        }
    }

    private async Task ShootAsync(IPage page, string path, string fileName, string directory)
    {
        var response = await page.GotoAsync(new Uri(_showcase.BaseUri, path).ToString());
        Assert.True(response?.Ok, $"{path}: HTTP {response?.Status}");
        await SaveAsync(page, fileName, directory);
    }

    private static async Task SaveAsync(IPage page, string fileName, string directory)
    {
        var file = Path.Combine(directory, fileName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = false });
        Assert.True(new FileInfo(file).Length > 10_000, $"{fileName} looks empty");
    }
}
