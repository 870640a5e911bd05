using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using NewsLeakExtractor.Ingestion.Jobs;
using NewsLeakExtractor.Ingestion.Store;
using NewsLeakExtractor.Tests.Support;
using Xunit;

namespace NewsLeakExtractor.Tests.Service;

/// <summary>
/// The embedded service end to end: Hangfire jobs poll a feed on a local Kestrel site, fetch, extract and store in a
/// SQLite file; faults are recorded with their reasons; a restart loses and duplicates nothing.
/// </summary>
[Collection(ServiceTestsCollection.Name)]
public sealed class IngestionServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Polls_the_feed_and_stores_every_article_once_with_its_events_and_every_fault_with_its_reason()
    {
        await using var site = await NewsSite.StartAsync(articleCount: 12);
        using var temp = new TempDirectory();
        var pipelines = temp.File("pipelines");
        ServiceUnderTest.WritePipeline(pipelines, "test",
            ("gazette", site.FeedUrl, 50, ["en"]),
            ("faults", site.FaultFeedUrl, 50, ["en"]),
            ("broken", site.NotXmlFeedUrl, 50, []));
        await using var service = await ServiceUnderTest.StartAsync(ServiceUnderTest.Arguments(temp.File("data"), pipelines));
        var store = service.Store;

        await ServiceUnderTest.WaitUntilAsync(async () =>
        {
            for (var n = 1; n <= site.ArticleCount; n++)
            {
                if (await store.FindByUrlAsync(site.ArticleUrl(n).ToString(), default) is not { Status: ArticleStatus.Extracted })
                {
                    return false;
                }
            }

            return true;
        }, Patience, "every feed article extracted");

        // Each article was fetched exactly once and has its leak event, tied to the leaker named in the page.
        for (var n = 1; n <= site.ArticleCount; n++)
        {
            Assert.Equal(1, site.RequestsFor(NewsSite.ArticlePath(n)));
            var article = (await store.FindByUrlAsync(site.ArticleUrl(n).ToString(), default))!;
            var articleEvents = await store.GetArticleEventsAsync(article.Id, default);
            Assert.Contains(articleEvents, e => e.Event.Leakers.Any(l => l.Name == SyntheticArticles.Leaker(n)));
            Assert.False(string.IsNullOrEmpty(article.ExtractorVersion));
            Assert.False(string.IsNullOrEmpty(article.ModelVersion));
        }

        // Every fault is recorded on its article with a reason, and none stopped the rest.
        await ServiceUnderTest.WaitUntilAsync(async () =>
        {
            foreach (var path in NewsSite.FaultPaths)
            {
                if (await store.FindByUrlAsync(new Uri(site.BaseUri, path).ToString(), default) is not { FailureReason: not null })
                {
                    return false;
                }
            }

            return true;
        }, Patience, "every fault recorded");

        async Task<StoredArticle> Fault(string path) => (await store.FindByUrlAsync(new Uri(site.BaseUri, path).ToString(), default))!;
        Assert.Equal(ArticleStatus.Failed, (await Fault("faults/missing")).Status);
        Assert.Contains("404", (await Fault("faults/missing")).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("500", (await Fault("faults/error")).FailureMessage, StringComparison.Ordinal);
        Assert.Equal("Timeout", (await Fault("faults/slow")).FailureReason);
        Assert.Contains("redirect", (await Fault("faults/loop")).FailureMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("TooLarge", (await Fault("faults/huge")).FailureReason);
        Assert.Equal(ArticleStatus.Failed, (await Fault("faults/binary")).Status);
        var german = await Fault("faults/german");
        Assert.Equal(ArticleStatus.Skipped, german.Status);
        Assert.Contains("'de'", german.FailureMessage, StringComparison.Ordinal);

        // The transient faults (5xx, timeout) are left for Hangfire's retries rather than given up.
        Assert.NotEqual(ArticleStatus.Failed, (await Fault("faults/error")).Status);

        // The API shows the same: events with the article and versions added, sources with their errors.
        var events = await service.GetJsonAsync("api/events?pageSize=200");
        Assert.True(events["total"]!.GetValue<int>() >= site.ArticleCount);
        var first = events["events"]!.AsArray()[0]!.AsObject();
        Assert.NotNull(first["leakers"]);
        Assert.NotNull(first["evidence"]);
        Assert.NotNull(first["article"]!["url"]);
        Assert.NotNull(first["extractorVersion"]);

        var byActor = await service.GetJsonAsync($"api/events?actor={Uri.EscapeDataString(SyntheticArticles.Leaker(3))}&role=leaker");
        Assert.True(byActor["total"]!.GetValue<int>() >= 1);
        Assert.All(byActor["events"]!.AsArray(), e => Assert.Contains(e!["leakers"]!.AsArray(), l => l!["name"]!.GetValue<string>() == SyntheticArticles.Leaker(3)));

        var sources = await service.GetJsonAsync("api/sources");
        var broken = sources["sources"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "test/broken")!;
        Assert.False(string.IsNullOrEmpty(broken["status"]?["lastError"]?.GetValue<string>()));
        var gazette = sources["sources"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "test/gazette")!;
        Assert.Equal(site.ArticleCount, gazette["status"]!["articlesExtracted"]!.GetValue<int>());

        var missingId = (await Fault("faults/missing")).Id;
        var missing = await service.GetJsonAsync($"api/articles/{missingId}");
        Assert.Equal("failed", missing["status"]!.GetValue<string>());
        Assert.NotEmpty(missing["history"]!.AsArray());

        var csv = await service.Http.GetStringAsync("api/events.csv");
        Assert.StartsWith("id,date,summary,leakers", csv, StringComparison.Ordinal);
        Assert.True(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= site.ArticleCount + 1);
        var jsonl = await service.Http.GetStringAsync("api/events.jsonl");
        Assert.All(jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.NotNull(JsonNode.Parse(line)!["id"]));

        Assert.Equal("ok", (await service.GetJsonAsync("health"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_run_loses_no_article_and_duplicates_none()
    {
        await using var site = await NewsSite.StartAsync(articleCount: 80);
        using var temp = new TempDirectory();
        var pipelines = temp.File("pipelines");
        ServiceUnderTest.WritePipeline(pipelines, "test", ("gazette", site.FeedUrl, 500, ["en"]));
        var arguments = ServiceUnderTest.Arguments(temp.File("data"), pipelines, "--Ingest:Lease=00:00:02", "--Jobs:WorkerCount=2");

        await using (var first = await ServiceUnderTest.StartAsync(arguments))
        {
            await ServiceUnderTest.WaitUntilAsync(async () => await CountExtractedAsync(first.Store, site) >= 5, Patience, "a few articles extracted");
        }

        var extractedAtStop = await CountExtractedWithoutServiceAsync(temp.File("data"), site);
        Assert.True(extractedAtStop < site.ArticleCount, "the first run should have been stopped mid-way");

        await using var second = await ServiceUnderTest.StartAsync(arguments);
        var recurring = second.Services.GetRequiredService<IRecurringJobManager>();
        var sinceTrigger = System.Diagnostics.Stopwatch.StartNew();
        await ServiceUnderTest.WaitUntilAsync(async () =>
        {
            // The lost in-memory queue is rebuilt by the next polls, once the stopped run's leases have expired.
            if (sinceTrigger.Elapsed > TimeSpan.FromSeconds(2))
            {
                recurring.Trigger(PollSourceJob.RecurringJobId("test/gazette"));
                sinceTrigger.Restart();
            }

            return await CountExtractedAsync(second.Store, site) == site.ArticleCount;
        }, Patience, "every article extracted after the restart");

        await ExactlyOnce.AssertAsync(second.Store, site);
    }

    [Fact]
    public async Task A_changed_article_is_extracted_again_with_its_events_replaced_and_an_unchanged_one_is_not()
    {
        await using var site = await NewsSite.StartAsync(articleCount: 3);
        using var temp = new TempDirectory();
        var pipelines = temp.File("pipelines");
        ServiceUnderTest.WritePipeline(pipelines, "test", ("gazette", site.FeedUrl, 50, ["en"]));
        await using var service = await ServiceUnderTest.StartAsync(ServiceUnderTest.Arguments(temp.File("data"), pipelines));
        await ServiceUnderTest.WaitUntilAsync(async () => await CountExtractedAsync(service.Store, site) == site.ArticleCount, Patience, "first extraction");

        var url = site.ArticleUrl(2).ToString();
        var before = (await service.Store.FindByUrlAsync(url, default))!;
        var eventsBefore = await service.Store.GetArticleEventsAsync(before.Id, default);
        var totalBefore = (await service.Store.QueryEventsAsync(new EventQuery(), default)).Total;

        // Reprocessing the same content: fetched again, not stored twice.
        site.Update(2);
        var response = await service.Http.PostAsJsonAsync("api/reprocess", new { url });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode); // a loopback URL, refused by default
        Assert.Contains("private", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // The poll sees the article listed as updated, fetches it again, and the new version replaces the old events.
        site.BumpListedDates();
        var recurring = service.Services.GetRequiredService<IRecurringJobManager>();
        recurring.Trigger(PollSourceJob.RecurringJobId("test/gazette"));
        await ServiceUnderTest.WaitUntilAsync(async () =>
            (await service.Store.GetHistoryAsync(before.Id, default)).Any(entry => entry.Action == "re-extracted"), Patience, "the changed article extracted again");

        var after = (await service.Store.FindByUrlAsync(url, default))!;
        Assert.Equal(before.Id, after.Id);
        Assert.NotEqual(before.ContentHash, after.ContentHash);
        Assert.Contains("admits", after.Article!.Title, StringComparison.Ordinal);
        var eventsAfter = await service.Store.GetArticleEventsAsync(after.Id, default);
        Assert.NotEmpty(eventsAfter);
        Assert.Equal(totalBefore - eventsBefore.Count + eventsAfter.Count, (await service.Store.QueryEventsAsync(new EventQuery(), default)).Total);

        // Listed as updated again, but the page is the same: fetched, found unchanged, not extracted a third time.
        site.BumpListedDates();
        recurring.Trigger(PollSourceJob.RecurringJobId("test/gazette"));
        await ServiceUnderTest.WaitUntilAsync(async () =>
            (await service.Store.GetHistoryAsync(before.Id, default)).Any(entry => entry.Action == "unchanged"), Patience, "the unchanged article recorded as such");
        Assert.Single(await service.Store.GetHistoryAsync(before.Id, default), entry => entry.Action == "re-extracted");
    }

    private static async Task<int> CountExtractedAsync(IArticleStore store, NewsSite site)
    {
        var count = 0;
        for (var n = 1; n <= site.ArticleCount; n++)
        {
            if (await store.FindByUrlAsync(site.ArticleUrl(n).ToString(), default) is { Status: ArticleStatus.Extracted })
            {
                count++;
            }
        }

        return count;
    }

    private static async Task<int> CountExtractedWithoutServiceAsync(string dataDirectory, NewsSite site)
    {
        await using var provider = new ServiceCollection().AddArticleStore(new StorageOptions { DataDirectory = dataDirectory }).BuildServiceProvider();
        return await CountExtractedAsync(provider.GetRequiredService<IArticleStore>(), site);
    }
}

/// <summary>The service tests start whole services with job servers; one at a time keeps their timings honest on two cores.</summary>
[CollectionDefinition(Name)]
public sealed class ServiceTestsCollection
{
    public const string Name = "service";
}
