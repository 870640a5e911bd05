using System.Collections.Concurrent;
using NewsLeakExtractor.Ingestion.Store;
using Xunit;
using static NewsLeakExtractor.Tests.Store.StoreFixtures;

namespace NewsLeakExtractor.Tests.Store;

/// <summary>
/// The behaviour every <see cref="IArticleStore"/> must have, run once per back end by the subclasses. Each test gets
/// a fresh, empty database (xunit creates a new instance per test) and may open several store instances on it, which
/// stand for several processes.
/// </summary>
public abstract class ArticleStoreContractTests(TestDatabase database) : StoreTestBase(database)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    // ---- schema ----

    [SkippableFact]
    public async Task Migrating_twice_and_from_a_second_instance_changes_nothing()
    {
        var first = await StoreAsync();
        Assert.True(await first.TryDiscoverAsync("https://example.test/a", "demo/feed", None));
        await first.MigrateAsync(None);

        var second = await NewStoreAsync();
        await second.MigrateAsync(None);
        Assert.False(await second.TryDiscoverAsync("https://example.test/a", "demo/feed", None));
        Assert.NotNull(await second.FindByUrlAsync("https://example.test/a", None));
    }

    [SkippableFact]
    public async Task Several_instances_migrating_at_once_all_succeed()
    {
        var stores = new List<SqlArticleStore>();
        for (var i = 0; i < 4; i++)
        {
            stores.Add(await NewStoreAsync(migrate: false));
        }

        await Task.WhenAll(stores.Select(instance => Task.Run(() => instance.MigrateAsync(None))));

        Assert.True(await stores[0].TryDiscoverAsync("https://example.test/after-migration", null, None));
        Assert.False(await stores[3].TryDiscoverAsync("https://example.test/after-migration", null, None));
    }

    // ---- discovery and leases ----

    [SkippableFact]
    public async Task Discovery_and_claims_happen_exactly_once_across_two_instances_and_many_threads()
    {
        var one = await NewStoreAsync();
        var two = await NewStoreAsync();
        var urls = Enumerable.Range(0, 500).Select(i => $"https://example.test/race/{i}").ToArray();
        var discovered = new ConcurrentDictionary<string, int>();
        var claimed = new ConcurrentDictionary<string, int>();

        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var instance = worker % 2 == 0 ? one : two;
            var order = urls.OrderBy(_ => Random.Shared.Next()).ToArray();
            foreach (var url in order)
            {
                if (await instance.TryDiscoverAsync(url, "demo/race", None))
                {
                    discovered.AddOrUpdate(url, 1, (_, n) => n + 1);
                }

                if (await instance.TryClaimAsync(url, $"worker-{worker}", Lease, None))
                {
                    claimed.AddOrUpdate(url, 1, (_, n) => n + 1);
                }
            }
        }));
        await Task.WhenAll(workers);

        Assert.Equal(urls.Length, discovered.Count);
        Assert.All(discovered.Values, count => Assert.Equal(1, count));
        Assert.Equal(urls.Length, claimed.Count);
        Assert.All(claimed.Values, count => Assert.Equal(1, count));
    }

    [SkippableFact]
    public async Task A_url_known_as_an_alias_or_canonical_url_is_not_new()
    {
        var store = await StoreAsync();
        var article = Article("https://example.test/story?utm=feed", "Tide tables passed to a reporter", canonicalUrl: "https://example.test/story");
        await store.SaveExtractionAsync(Write("https://example.test/story?utm=feed", article, []), None);
        await store.SaveExtractionAsync(Write("https://example.test/amp/story", article with { Url = "https://example.test/amp/story" }, []), None);

        Assert.False(await store.TryDiscoverAsync("https://example.test/story?utm=feed", null, None)); // its own URL
        Assert.False(await store.TryDiscoverAsync("https://example.test/story", null, None)); // its canonical URL
        Assert.False(await store.TryDiscoverAsync("https://example.test/amp/story", null, None)); // an alias
        Assert.True(await store.TryDiscoverAsync("https://example.test/other-story", null, None));
    }

    [SkippableFact]
    public async Task A_lease_is_held_until_it_expires_or_its_holder_releases_it()
    {
        var store = await StoreAsync();
        const string url = "https://example.test/lease";
        Assert.True(await store.TryDiscoverAsync(url, "demo/feed", None));

        Assert.True(await store.TryClaimAsync(url, "worker-a", Lease, None));
        Assert.False(await store.TryClaimAsync(url, "worker-b", Lease, None));

        await store.ReleaseAsync(url, "worker-b", None); // not the holder: nothing changes
        Assert.False(await store.TryClaimAsync(url, "worker-b", Lease, None));

        await store.ReleaseAsync(url, "worker-a", None);
        Assert.True(await store.TryClaimAsync(url, "worker-b", Lease, None));

        Clock.Advance(Lease + TimeSpan.FromSeconds(1)); // worker-b crashed
        Assert.True(await store.TryClaimAsync(url, "worker-c", Lease, None));
        Assert.Equal(ArticleStatus.Discovered, (await store.FindByUrlAsync(url, None))!.Status);
    }

    [SkippableFact]
    public async Task Claiming_an_unknown_url_creates_it_as_a_manual_submission()
    {
        var store = await StoreAsync();
        Assert.True(await store.TryClaimAsync("https://example.test/submitted", "api", Lease, None));

        var article = await store.FindByUrlAsync("https://example.test/submitted", None);
        Assert.NotNull(article);
        Assert.Equal(ArticleStatus.Discovered, article.Status);
        Assert.Null(article.SourceId);
        Assert.Equal(["submitted"], (await store.GetHistoryAsync(article.Id, None)).Select(entry => entry.Action));
        Assert.False(await store.TryDiscoverAsync("https://example.test/submitted", "demo/feed", None));
    }

    [SkippableFact]
    public async Task A_manual_reprocess_can_claim_an_extracted_article_but_only_one_of_two_concurrent_claims_wins()
    {
        var one = await NewStoreAsync();
        var two = await NewStoreAsync();
        const string url = "https://example.test/reprocess";
        await one.SaveExtractionAsync(Write(url, "Reprocessed story", Event("r1", "A clerk shared tide tables")), None);

        var results = await Task.WhenAll(
            Task.Run(() => one.TryClaimAsync(url, "api-1", Lease, None)),
            Task.Run(() => two.TryClaimAsync(url, "api-2", Lease, None)));
        Assert.Equal(1, results.Count(won => won));

        // The extraction stays in place while the reprocess runs.
        var article = await one.FindByUrlAsync(url, None);
        Assert.Equal(ArticleStatus.Extracted, article!.Status);
        Assert.Equal(1, article.EventCount);
    }

    [SkippableFact]
    public async Task Unfinished_articles_are_listed_once_their_lease_has_expired()
    {
        var store = await StoreAsync();
        for (var i = 0; i < 4; i++)
        {
            await store.TryDiscoverAsync($"https://example.test/unfinished/{i}", "demo/a", None);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await store.TryDiscoverAsync("https://example.test/unfinished/other-source", "demo/b", None);
        await store.TryClaimAsync("https://example.test/unfinished/0", "worker", Lease, None);
        await store.SaveExtractionAsync(Write("https://example.test/unfinished/1", "Done"), None);
        await store.RecordFailureAsync("https://example.test/unfinished/2", "demo/a", ArticleStatus.Failed, "NotFound", "HTTP 404", final: true, None);

        Assert.Equal(["https://example.test/unfinished/3"], await store.ListUnfinishedAsync("demo/a", 10, None));
        Assert.Equal(2, (await store.ListUnfinishedAsync(null, 10, None)).Count);
        Assert.Single(await store.ListUnfinishedAsync(null, 1, None));

        Clock.Advance(Lease);
        Assert.Equal(["https://example.test/unfinished/0", "https://example.test/unfinished/3"], await store.ListUnfinishedAsync("demo/a", 10, None));
    }

    // ---- extractions ----

    [SkippableFact]
    public async Task Saving_again_replaces_the_events_without_duplicates()
    {
        var store = await StoreAsync();
        const string url = "https://example.test/replace";
        Assert.True(await store.TryDiscoverAsync(url, "demo/feed", None));
        Assert.True(await store.TryClaimAsync(url, "worker", Lease, None));

        var first = await store.SaveExtractionAsync(Write(url, "First version",
            Event("e1", "Clerk shared tide tables", leakers: ["Odile Brant"]),
            Event("e2", "Harbourmaster leaked a memo", leakers: ["Piet Varga"]),
            Event("e3", "A third disclosure")), None);
        Assert.Equal(SaveOutcome.Inserted, first.Outcome);
        Assert.Equal(3, first.EventCount);

        // The lease ended with the save, so the re-run can claim at once.
        Assert.True(await store.TryClaimAsync(url, "worker", Lease, None));
        var second = await store.SaveExtractionAsync(Write(url, "Second version",
            Event("e1", "Clerk shared tide tables again", leakers: ["Odile Brant"]),
            Event("e4", "A new disclosure")) with { ContentHash = "hash-2" }, None);
        Assert.Equal(SaveOutcome.Replaced, second.Outcome);
        Assert.Equal(first.ArticleId, second.ArticleId);

        var events = await store.GetArticleEventsAsync(first.ArticleId, None);
        Assert.Equal(["e1", "e4"], events.Select(stored => stored.Event.Id));
        Assert.Equal("Clerk shared tide tables again", events[0].Event.Summary);
        Assert.Equal(2, (await store.QueryEventsAsync(new EventQuery(), None)).Total);
        Assert.Null(await store.GetEventAsync("e2", None));
        Assert.Empty((await store.QueryEventsAsync(new EventQuery { Actor = "Piet Varga" }, None)).Events);

        var article = await store.GetArticleAsync(first.ArticleId, None);
        Assert.Equal("Second version", article!.Article!.Title);
        Assert.Equal("hash-2", article.ContentHash);
        Assert.Equal(2, article.EventCount);
        Assert.Equal("demo/feed", article.SourceId);
    }

    [SkippableFact]
    public async Task A_second_url_with_the_same_canonical_url_merges_into_the_stored_article()
    {
        var store = await StoreAsync();
        const string canonical = "https://example.test/news/tide-tables";
        const string first = "https://example.test/news/tide-tables?ref=rss";
        const string second = "https://m.example.test/news/tide-tables";
        Assert.True(await store.TryDiscoverAsync(first, "demo/rss", None));
        var saved = await store.SaveExtractionAsync(Write(first, Article(first, "Tide tables", canonicalUrl: canonical), [Event("m1", "Clerk shared tide tables")]), None);

        // The mobile URL is unknown until fetched: it is discovered, and its extraction reveals the same canonical URL.
        Assert.True(await store.TryDiscoverAsync(second, "demo/mobile", None));
        var merged = await store.SaveExtractionAsync(Write(second, Article(second, "Tide tables", canonicalUrl: canonical), [Event("m1", "Clerk shared tide tables")]), None);

        Assert.Equal(saved.ArticleId, merged.ArticleId);
        Assert.Equal(SaveOutcome.Replaced, merged.Outcome);
        Assert.Equal(saved.ArticleId, (await store.FindByUrlAsync(second, None))!.Id);
        Assert.Equal(saved.ArticleId, (await store.FindByUrlAsync(canonical, None))!.Id);
        Assert.False(await store.TryDiscoverAsync(second, "demo/mobile", None));
        Assert.Equal(1, (await store.QueryEventsAsync(new EventQuery(), None)).Total);
        Assert.Equal(1, (await store.GetStatisticsAsync(null, null, 5, None)).TotalArticles);

        var article = await store.GetArticleAsync(saved.ArticleId, None);
        Assert.Equal(first, article!.Url);
        Assert.Equal(canonical, article.CanonicalUrl);
        var history = (await store.GetHistoryAsync(saved.ArticleId, None)).Select(entry => entry.Action).ToList();
        Assert.Contains("merged", history);
        Assert.Equal(2, history.Count(action => action == "discovered")); // the merged article's history came along

        // A third URL never discovered becomes an alias directly.
        const string third = "https://example.test/print/tide-tables";
        var aliased = await store.SaveExtractionAsync(Write(third, Article(third, "Tide tables", canonicalUrl: canonical), [Event("m1", "Clerk shared tide tables")]), None);
        Assert.Equal(saved.ArticleId, aliased.ArticleId);
        Assert.Equal(saved.ArticleId, (await store.FindByUrlAsync(third, None))!.Id);
    }

    [SkippableFact]
    public async Task The_same_event_id_from_another_article_moves_to_the_article_saved_last()
    {
        var store = await StoreAsync();
        var original = await store.SaveExtractionAsync(Write("https://example.test/original", "Original", Event("shared", "Clerk shared tide tables"), Event("own", "Only here")), None);
        var copy = await store.SaveExtractionAsync(Write("https://syndicate.test/copy", "Copy", Event("shared", "Clerk shared tide tables")), None);

        Assert.Equal(copy.ArticleId, (await store.GetEventAsync("shared", None))!.ArticleId);
        Assert.Equal(["own"], (await store.GetArticleEventsAsync(original.ArticleId, None)).Select(stored => stored.Event.Id));
        Assert.Equal(2, (await store.QueryEventsAsync(new EventQuery(), None)).Total);
        Assert.Contains(await store.GetHistoryAsync(original.ArticleId, None), entry => entry.Action == "event moved");
    }

    [SkippableFact]
    public async Task A_failure_that_will_retry_keeps_the_article_waiting_and_a_later_success_clears_it()
    {
        var store = await StoreAsync();
        const string url = "https://example.test/flaky";
        await store.TryDiscoverAsync(url, "demo/feed", None);
        await store.TryClaimAsync(url, "worker", Lease, None);
        await store.RecordFailureAsync(url, "demo/feed", ArticleStatus.Failed, "Timeout", "no answer in 30 s", final: false, None);

        var waiting = await store.FindByUrlAsync(url, None);
        Assert.Equal(ArticleStatus.Discovered, waiting!.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.Equal("Timeout", waiting.FailureReason);
        Assert.True(await store.TryClaimAsync(url, "worker", Lease, None)); // the failure ended the lease

        await store.RecordFailureAsync(url, "demo/feed", ArticleStatus.Failed, "Timeout", "no answer in 30 s", final: true, None);
        var failed = await store.FindByUrlAsync(url, None);
        Assert.Equal(ArticleStatus.Failed, failed!.Status);
        Assert.Equal(2, failed.Attempts);

        Assert.True(await store.TryClaimAsync(url, "worker", Lease, None));
        await store.SaveExtractionAsync(Write(url, "Flaky but fine", Event("f1", "Clerk shared tide tables")), None);
        var extracted = await store.FindByUrlAsync(url, None);
        Assert.Equal(ArticleStatus.Extracted, extracted!.Status);
        Assert.Null(extracted.FailureReason);
        Assert.Null(extracted.FailureMessage);
        Assert.Equal(["discovered", "retrying", "failed", "extracted"], (await store.GetHistoryAsync(extracted.Id, None)).Select(entry => entry.Action));
    }

    [SkippableFact]
    public async Task A_failure_after_a_success_keeps_the_stored_extraction()
    {
        var store = await StoreAsync();
        const string url = "https://example.test/gone-later";
        var saved = await store.SaveExtractionAsync(Write(url, "Still here", Event("g1", "Clerk shared tide tables")), None);
        await store.TryClaimAsync(url, "worker", Lease, None);
        await store.RecordFailureAsync(url, null, ArticleStatus.Failed, "NotFound", "HTTP 404", final: true, None);

        var article = await store.GetArticleAsync(saved.ArticleId, None);
        Assert.Equal(ArticleStatus.Extracted, article!.Status);
        Assert.Equal("Still here", article.Article!.Title);
        Assert.Equal(1, article.EventCount);
        Assert.NotNull(await store.GetEventAsync("g1", None));
        var last = (await store.GetHistoryAsync(saved.ArticleId, None))[^1];
        Assert.Equal("failed", last.Action);
        Assert.Contains("kept", last.Detail, StringComparison.Ordinal);
        Assert.True(await store.TryClaimAsync(url, "worker-2", Lease, None)); // and the lease ended
    }

    [SkippableFact]
    public async Task An_unchanged_page_adds_history_only_and_ends_the_lease()
    {
        var store = await StoreAsync();
        const string url = "https://example.test/unchanged";
        var saved = await store.SaveExtractionAsync(Write(url, "Same as before", Event("u1", "Clerk shared tide tables")), None);
        var before = await store.GetArticleAsync(saved.ArticleId, None);

        Clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await store.TryClaimAsync(url, "worker", Lease, None));
        await store.RecordUnchangedAsync(url, "HTTP 304 Not Modified", None);

        var after = await store.GetArticleAsync(saved.ArticleId, None);
        Assert.Equal(before!.ExtractedAt, after!.ExtractedAt);
        Assert.Equal(1, after.EventCount);
        var history = await store.GetHistoryAsync(saved.ArticleId, None);
        Assert.Equal(["extracted", "unchanged"], history.Select(entry => entry.Action));
        Assert.Equal("HTTP 304 Not Modified", history[1].Detail);
        Assert.True(history[0].At < history[1].At);
        Assert.True(await store.TryClaimAsync(url, "worker-2", Lease, None));
    }

    [SkippableFact]
    public async Task Articles_round_trip_with_utc_timestamps()
    {
        var store = await StoreAsync();
        const string url = "https://example.test/round-trip";
        await store.TryDiscoverAsync(url, "demo/feed", None);
        var discoveredAt = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromMinutes(3));
        var article = Article(url, "Round trip", publishedAt: "2024-02-09T23:30:00-05:00") with { Description = "An invented summary." };
        var saved = await store.SaveExtractionAsync(Write(url, article, [Event("t1", "Clerk shared tide tables")]) with { Warning = "short text" }, None);

        var stored = await store.GetArticleAsync(saved.ArticleId, None);
        Assert.Equal(article, stored!.Article);
        Assert.Equal(discoveredAt, stored.DiscoveredAt);
        Assert.Equal(TimeSpan.Zero, stored.DiscoveredAt.Offset);
        Assert.Equal(Clock.GetUtcNow(), stored.ExtractedAt);
        Assert.Equal(Clock.GetUtcNow(), stored.FetchedAt);
        Assert.Equal("\"etag-1\"", stored.ETag);
        Assert.Equal(Extractor, stored.ExtractorVersion);
        Assert.Equal(Model, stored.ModelVersion);

        var storedEvent = await store.GetEventAsync("t1", None);
        Assert.Equal(Clock.GetUtcNow(), storedEvent!.ExtractedAt);
        Assert.Equal("2024-02-09T23:30:00-05:00", storedEvent.ArticlePublishedAt);
        Assert.Equal("Harbor Gazette", storedEvent.SiteName);
        Assert.Equal(url, storedEvent.ArticleUrl);
        Assert.Equal(0.8, storedEvent.Event.Confidence);
    }

    [SkippableFact]
    public async Task Extracted_articles_are_streamed_with_their_text()
    {
        var store = await StoreAsync();
        await store.SaveExtractionAsync(Write("https://example.test/s1", "One"), None);
        await store.SaveExtractionAsync(Write("https://example.test/s2", "Two", Event("s2e", "Clerk shared tide tables")), None);
        await store.TryDiscoverAsync("https://example.test/s3", null, None);

        var streamed = new List<StoredArticle>();
        await foreach (var article in store.ListExtractedArticlesAsync(None))
        {
            streamed.Add(article);
        }

        Assert.Equal(["https://example.test/s1", "https://example.test/s2"], streamed.Select(article => article.Url));
        Assert.All(streamed, article => Assert.StartsWith(article.Article!.Title!, article.Article.Text, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_new_instance_on_the_same_database_sees_everything()
    {
        var store = await StoreAsync();
        await store.TryDiscoverAsync("https://example.test/persist", "demo/feed", None);
        var saved = await store.SaveExtractionAsync(Write("https://example.test/persist", "Persisted", Event("p1", "Clerk shared tide tables", leakers: ["Odile Brant"])), None);
        await store.RecordPollAsync(new SourcePoll("demo/feed", Clock.GetUtcNow(), Clock.GetUtcNow(), 3, 1, null), None);

        var restarted = await NewStoreAsync();
        Assert.Equal("Persisted", (await restarted.GetArticleAsync(saved.ArticleId, None))!.Article!.Title);
        Assert.Equal("p1", (await restarted.QueryEventsAsync(new EventQuery { Actor = "odile" }, None)).Events.Single().Event.Id);
        Assert.Equal(2, (await restarted.GetHistoryAsync(saved.ArticleId, None)).Count);
        Assert.Equal(1, (await restarted.GetSourceStatusesAsync(None)).Single().Polls);
        Assert.False(await restarted.TryDiscoverAsync("https://example.test/persist", "demo/feed", None));
    }

    // ---- queries ----

    /// <summary>Five invented articles whose events differ in every filtered field.</summary>
    private async Task<IArticleStore> SeedQueryDataAsync()
    {
        var store = await StoreAsync();
        await store.SaveExtractionAsync(Write("https://example.test/q/harbor",
            Article("https://example.test/q/harbor", "Harbourmaster accused over leaked memo", publishedAt: "2024-01-05T10:00:00Z"),
            [
                Event("q-harbor-1", "Piet Varga leaked a berth memo to the Harbor Gazette", leakers: ["Piet Varga"], recipients: ["Harbor Gazette"],
                    owners: ["Port Authority"], reactors: ["Mayor Ines Costa"], reportingSources: ["Harbor Gazette"], disclosed: "berthing schedules", classification: "secret"),
            ]), None);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await store.SaveExtractionAsync(Write("https://example.test/q/tides",
            Article("https://example.test/q/tides", "Ministry of Tides investigates", publishedAt: "2024-02-10T08:00:00Z"),
            [
                Event("q-tides-1", "Odile Brant shared tide tables with the Coastal Courier", leakers: ["Odile Brant"], recipients: ["Coastal Courier"],
                    reportingSources: ["Coastal Courier"], disclosed: "100% of the tide tables", classification: "confidential", occurredAt: "2024-01-20"),
                Event("q-tides-2", "A second clerk told the Lantern Post about the audit", leakers: ["Ravi Okonkwo"], recipients: ["Lantern Post"],
                    reactors: ["Odile Brant"], reportingSources: ["Lantern Post"], disclosed: "the audit draft", classification: null),
            ]), None);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await store.SaveExtractionAsync(Write("https://example.test/q/undated",
            Article("https://example.test/q/undated", "Undated note about a leak", publishedAt: null),
            [Event("q-undated-1", "Someone passed minutes to the Lantern Post", recipients: ["Lantern Post"], disclosed: "council minutes", classification: "top secret")]), None);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await store.SaveExtractionAsync(Write("https://example.test/q/march",
            Article("https://example.test/q/march", "Spring budget figures emerge", publishedAt: "2024-03-02T12:00:00Z"),
            [
                Event("q-march-1", "Treasury aide sent budget figures to the Coastal Courier", leakers: ["Lena Marsh"], recipients: ["Coastal Courier"],
                    reportingSources: ["The Evening Lamp"], disclosed: "draft budget figures", classification: "Confidential"),
            ]), None);
        return store;
    }

    private static async Task<string[]> IdsAsync(IArticleStore store, EventQuery query) =>
        (await store.QueryEventsAsync(query, None)).Events.Select(stored => stored.Event.Id).ToArray();

    [SkippableFact]
    public async Task Events_come_newest_first_by_event_date_with_undated_events_last()
    {
        var store = await SeedQueryDataAsync();
        var page = await store.QueryEventsAsync(new EventQuery(), None);
        Assert.Equal(5, page.Total);

        // March (published), February (published; tides-2 has no occurredAt), January 20 (occurred), January 5, undated.
        Assert.Equal(["q-march-1", "q-tides-2", "q-tides-1", "q-harbor-1", "q-undated-1"], page.Events.Select(stored => stored.Event.Id));
        Assert.Equal("Ministry of Tides investigates", page.Events[1].ArticleTitle);
    }

    [SkippableFact]
    public async Task Events_are_paged_with_the_total()
    {
        var store = await SeedQueryDataAsync();
        var second = await store.QueryEventsAsync(new EventQuery { Page = 2, PageSize = 2 }, None);
        Assert.Equal(5, second.Total);
        Assert.Equal(2, second.Page);
        Assert.Equal(2, second.PageSize);
        Assert.Equal(["q-tides-1", "q-harbor-1"], second.Events.Select(stored => stored.Event.Id));
        Assert.Equal(["q-undated-1"], await IdsAsync(store, new EventQuery { Page = 3, PageSize = 2 }));
        var beyond = await store.QueryEventsAsync(new EventQuery { Page = 9, PageSize = 2 }, None);
        Assert.Empty(beyond.Events);
        Assert.Equal(5, beyond.Total);
    }

    [SkippableFact]
    public async Task The_text_filter_searches_summary_disclosed_information_actor_names_and_title_ignoring_case()
    {
        var store = await SeedQueryDataAsync();
        Assert.Equal(["q-harbor-1"], await IdsAsync(store, new EventQuery { Text = "BERTH MEMO" })); // summary
        Assert.Equal(["q-tides-2"], await IdsAsync(store, new EventQuery { Text = "audit draft" })); // disclosed information
        Assert.Equal(["q-harbor-1"], await IdsAsync(store, new EventQuery { Text = "ines costa" })); // a reactor's name
        Assert.Equal(["q-march-1"], await IdsAsync(store, new EventQuery { Text = "spring budget" })); // the article title
        Assert.Equal(["q-tides-1"], await IdsAsync(store, new EventQuery { Text = "100%" })); // LIKE characters are literal
        Assert.Equal(["q-tides-1"], await IdsAsync(store, new EventQuery { Text = "%" }));
        Assert.Empty(await IdsAsync(store, new EventQuery { Text = "_" }));
        Assert.Empty(await IdsAsync(store, new EventQuery { Text = "submarine" }));
    }

    [SkippableFact]
    public async Task The_actor_filter_matches_part_of_a_name_in_any_or_one_role()
    {
        var store = await SeedQueryDataAsync();
        Assert.Equal(["q-tides-2", "q-tides-1"], await IdsAsync(store, new EventQuery { Actor = "odile" }));
        Assert.Equal(["q-tides-1"], await IdsAsync(store, new EventQuery { Actor = "Odile Brant", ActorRole = ActorRole.Leaker }));
        Assert.Equal(["q-tides-2"], await IdsAsync(store, new EventQuery { Actor = "BRANT", ActorRole = ActorRole.Reactor }));
        Assert.Equal(["q-march-1", "q-tides-1"], await IdsAsync(store, new EventQuery { Actor = "coastal courier", ActorRole = ActorRole.Recipient }));
        Assert.Equal(["q-harbor-1"], await IdsAsync(store, new EventQuery { Actor = "port authority", ActorRole = ActorRole.Owner }));
        Assert.Empty(await IdsAsync(store, new EventQuery { Actor = "Port Authority", ActorRole = ActorRole.Leaker }));
        Assert.Equal(["q-harbor-1"], await IdsAsync(store, new EventQuery { ActorRole = ActorRole.Owner })); // any owner at all
    }

    [SkippableFact]
    public async Task The_reporting_source_and_classification_filters_ignore_case()
    {
        var store = await SeedQueryDataAsync();
        Assert.Equal(["q-tides-2"], await IdsAsync(store, new EventQuery { ReportingSource = "lantern" }));
        Assert.Equal(["q-march-1"], await IdsAsync(store, new EventQuery { ReportingSource = "the evening lamp" }));
        Assert.Equal(["q-march-1", "q-tides-1"], await IdsAsync(store, new EventQuery { Classification = "CONFIDENTIAL" }));
        Assert.Equal(["q-harbor-1", "q-undated-1"], await IdsAsync(store, new EventQuery { Classification = "secret" })); // "top secret" contains it
        Assert.Equal(["q-undated-1"], await IdsAsync(store, new EventQuery { Classification = "top secret" }));
    }

    [SkippableFact]
    public async Task The_date_range_is_inclusive_and_filters_combine()
    {
        var store = await SeedQueryDataAsync();
        var january = new EventQuery { From = new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2024, 1, 20, 0, 0, 0, TimeSpan.Zero) };
        Assert.Equal(["q-tides-1", "q-harbor-1"], await IdsAsync(store, january));
        Assert.Equal(["q-march-1", "q-tides-2"], await IdsAsync(store, new EventQuery { From = new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero) }));
        Assert.Equal(["q-harbor-1"], await IdsAsync(store, new EventQuery { To = new DateTimeOffset(2024, 1, 19, 23, 0, 0, TimeSpan.Zero) }));
        Assert.Equal(["q-tides-1"], await IdsAsync(store, january with { Actor = "odile", Classification = "confidential" }));

        var tides = (await store.FindByUrlAsync("https://example.test/q/tides", None))!;
        Assert.Equal(["q-tides-2", "q-tides-1"], await IdsAsync(store, new EventQuery { ArticleId = tides.Id }));
        Assert.Equal(["q-tides-2"], await IdsAsync(store, new EventQuery { ArticleId = tides.Id, Text = "audit" }));
    }

    [SkippableFact]
    public async Task Statistics_count_events_per_day_and_the_most_frequent_actors()
    {
        var store = await SeedQueryDataAsync();
        var all = await store.GetStatisticsAsync(null, null, 2, None);
        Assert.Equal(5, all.TotalEvents);
        Assert.Equal(4, all.TotalArticles);
        Assert.Equal(
            [new DayCount(new DateOnly(2024, 1, 5), 1), new DayCount(new DateOnly(2024, 1, 20), 1), new DayCount(new DateOnly(2024, 2, 10), 1), new DayCount(new DateOnly(2024, 3, 2), 1)],
            all.EventsPerDay);
        Assert.Equal([new ActorCount("Coastal Courier", 2), new ActorCount("Lantern Post", 2)], all.TopRecipients);
        Assert.Equal(2, all.TopLeakers.Count);
        Assert.Equal([new ActorCount("Mayor Ines Costa", 1), new ActorCount("Odile Brant", 1)], all.TopReactors);

        var february = await store.GetStatisticsAsync(new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero), 10, None);
        Assert.Equal(1, february.TotalEvents);
        Assert.Equal(1, february.TotalArticles);
        Assert.Equal([new ActorCount("Ravi Okonkwo", 1)], february.TopLeakers);
        Assert.Equal([new DayCount(new DateOnly(2024, 2, 10), 1)], february.EventsPerDay);
    }

    // ---- sources ----

    [SkippableFact]
    public async Task Source_statuses_combine_polls_articles_events_and_the_last_five_failures()
    {
        var store = await StoreAsync();
        var start = Clock.GetUtcNow();
        await store.RecordPollAsync(new SourcePoll("demo/feed", start, start.AddSeconds(2), 10, 8, null), None);
        await store.RecordPollAsync(new SourcePoll("demo/feed", start.AddMinutes(15), start.AddMinutes(15).AddSeconds(1), 0, 0, "HTTP 503") { NextPollAt = start.AddMinutes(30) }, None);
        await store.RecordPollAsync(new SourcePoll("demo/quiet", start, start.AddSeconds(1), 0, 0, null), None);

        for (var i = 0; i < 8; i++)
        {
            await store.TryDiscoverAsync($"https://example.test/feed/{i}", "demo/feed", None);
        }

        await store.SaveExtractionAsync(Write("https://example.test/feed/0", "Extracted", Event("src-1", "one"), Event("src-2", "two")) with { SourceId = "demo/feed" }, None);
        for (var i = 1; i <= 6; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            await store.RecordFailureAsync($"https://example.test/feed/{i}", "demo/feed", ArticleStatus.Failed, "HttpStatus", $"HTTP 50{i}", final: true, None);
        }

        await store.RecordFailureAsync("https://example.test/feed/7", "demo/feed", ArticleStatus.Skipped, "Language", "de", final: true, None);
        await store.TryDiscoverAsync("https://example.test/other/1", "demo/articles-only", None);

        var statuses = await store.GetSourceStatusesAsync(None);
        Assert.Equal(["demo/articles-only", "demo/feed", "demo/quiet"], statuses.Select(status => status.SourceId));

        var feed = statuses[1];
        Assert.Equal(2, feed.Polls);
        Assert.Equal(1, feed.FailedPolls);
        Assert.Equal("HTTP 503", feed.LastError);
        Assert.Equal(start.AddMinutes(15).AddSeconds(1), feed.LastPollAt);
        Assert.Equal(start.AddMinutes(30), feed.NextPollAt);
        Assert.Equal(8, feed.ArticlesDiscovered);
        Assert.Equal(1, feed.ArticlesExtracted);
        Assert.Equal(6, feed.ArticlesFailed);
        Assert.Equal(1, feed.ArticlesSkipped);
        Assert.Equal(2, feed.Events);
        Assert.Equal(["HTTP 506", "HTTP 505", "HTTP 504", "HTTP 503", "HTTP 502"], feed.RecentFailures.Select(failure => failure.Message));
        Assert.Equal("https://example.test/feed/6", feed.RecentFailures[0].Url);
        Assert.Equal("HttpStatus", feed.RecentFailures[0].Reason);
        Assert.Equal(Clock.GetUtcNow(), feed.RecentFailures[0].At);

        Assert.Equal(0, statuses[0].Polls);
        Assert.Equal(1, statuses[0].ArticlesDiscovered);
        Assert.Null(statuses[2].LastError);
        Assert.Empty(statuses[2].RecentFailures);
    }
}
