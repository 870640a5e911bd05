using Microsoft.Extensions.DependencyInjection;
using NewsLeakExtractor.Pipeline;
using NewsLeakExtractor.Ingestion.Fetch;
using NewsLeakExtractor.Ingestion.Sources;
using NewsLeakExtractor.Tests.PoliteFetch;
using NewsLeakExtractor.Tests.Support;
using Xunit;

namespace NewsLeakExtractor.Tests.Sources;

public sealed class PipelineCatalogTests
{
    private const string World = """
        {
          // comments are allowed
          "name": "world",
          "description": "World news",
          "defaults": { "schedule": "*/30 * * * *", "maxArticlesPerRun": 25, "languages": ["en"], "headers": { "X-Team": "desk" } },
          "sources": [
            { "id": "bbc-world", "name": "BBC News: World", "url": "https://feeds.bbci.co.uk/news/world/rss.xml", "kind": "rss" },
            { "id": "wire", "url": "https://wire.example.com/sitemap.xml", "kind": "newsSitemap", "schedule": "0 * * * *",
              "enabled": false, "maxArticlesPerRun": 5, "languages": ["EN", "fr"], "headers": { "X-Api-Key": "k" }, "allowPrivateNetworks": true },
          ]
        }
        """;

    private static string Repository => TestPaths.RepositoryRoot ?? throw new InvalidOperationException("repository root not found");

    [Fact]
    public async Task A_good_file_loads_with_defaults_applied()
    {
        using var folder = new TempDirectory();
        folder.Write("world.json", World);

        var result = await PipelineCatalog.LoadAsync(folder.Path, CancellationToken.None);

        Assert.Empty(result.Errors);
        Assert.Equal(["world/bbc-world", "world/wire"], result.Sources.Select(s => s.Id));
        var bbc = result.Sources[0];
        Assert.Equal("BBC News: World", bbc.Name);
        Assert.Equal("world", bbc.Pipeline);
        Assert.Equal(SourceKind.Rss, bbc.Kind);
        Assert.Equal("*/30 * * * *", bbc.Schedule);
        Assert.True(bbc.Enabled);
        Assert.Equal(25, bbc.MaxArticlesPerRun);
        Assert.Equal(["en"], bbc.Languages);
        Assert.Equal("desk", bbc.Headers["X-Team"]);
        Assert.False(bbc.AllowPrivateNetworks);
        var wire = result.Sources[1];
        Assert.Equal("wire", wire.Name);
        Assert.Equal(SourceKind.NewsSitemap, wire.Kind);
        Assert.Equal("0 * * * *", wire.Schedule);
        Assert.False(wire.Enabled);
        Assert.Equal(5, wire.MaxArticlesPerRun);
        Assert.Equal(["en", "fr"], wire.Languages);
        Assert.Equal("k", wire.Headers["X-Api-Key"]);
        Assert.Equal("desk", wire.Headers["X-Team"]);
        Assert.True(wire.AllowPrivateNetworks);
    }

    [Fact]
    public async Task Bad_json_is_one_error_and_the_other_files_still_load()
    {
        using var folder = new TempDirectory();
        folder.Write("world.json", World);
        folder.Write("broken.json", "{ \"name\": \"broken\", \"sources\": [ { \"id\": \"x\" ");

        var result = await PipelineCatalog.LoadAsync(folder.Path, CancellationToken.None);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("broken.json: not valid JSON (line 1", error, StringComparison.Ordinal);
        Assert.Equal(2, result.Sources.Count);
    }

    [Fact]
    public async Task Each_bad_source_is_one_error_naming_file_source_and_fields()
    {
        using var folder = new TempDirectory();
        folder.Write("mixed.json", """
            { "name": "mixed", "sources": [
              { "id": "good", "url": "https://good.example.com/feed" },
              { "id": "bad-cron", "url": "https://a.example.com/feed", "schedule": "every five minutes" },
              { "id": "bad-many", "url": "ftp://b.example.com/feed", "kind": "podcast", "maxArticlesPerRun": 0, "shedule": "* * * * *" },
              { "id": "Bad Id", "url": "https://c.example.com/feed", "languages": ["english"], "headers": { "Host": "evil" } },
              { "name": "no id and no url" }
            ] }
            """);

        var result = await PipelineCatalog.LoadAsync(folder.Path, CancellationToken.None);

        Assert.Equal(["mixed/good"], result.Sources.Select(s => s.Id));
        Assert.Equal(4, result.Errors.Count);
        Assert.StartsWith("mixed.json: sources[1] 'bad-cron': 'schedule' is not a five-field cron expression ('every five minutes')", result.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("mixed.json: sources[2] 'bad-many': ", result.Errors[1], StringComparison.Ordinal);
        Assert.Contains("'url' must be an http(s) URL", result.Errors[1], StringComparison.Ordinal);
        Assert.Contains("'kind' must be one of", result.Errors[1], StringComparison.Ordinal);
        Assert.Contains("'maxArticlesPerRun' must be a whole number from 1 to 10000", result.Errors[1], StringComparison.Ordinal);
        Assert.Contains("unknown field 'shedule'", result.Errors[1], StringComparison.Ordinal);
        Assert.Contains("'id' must be lower-case", result.Errors[2], StringComparison.Ordinal);
        Assert.Contains("'languages' must hold ISO 639-1 codes", result.Errors[2], StringComparison.Ordinal);
        Assert.Contains("'headers' may not set 'Host'", result.Errors[2], StringComparison.Ordinal);
        Assert.Contains("mixed.json: sources[4]: 'id' is required; 'url' is required", result.Errors[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_defaults_or_a_missing_sources_array_fail_the_whole_file()
    {
        using var folder = new TempDirectory();
        folder.Write("a.json", """{ "name": "a", "defaults": { "schedule": "61 * * * *" }, "sources": [ { "id": "x", "url": "https://x.example.com/" } ] }""");
        folder.Write("b.json", """{ "name": "b" }""");
        folder.Write("c.json", """[ 1, 2 ]""");

        var result = await PipelineCatalog.LoadAsync(folder.Path, CancellationToken.None);

        Assert.Empty(result.Sources);
        Assert.Equal(3, result.Errors.Count);
        Assert.StartsWith("a.json: defaults: 'schedule' is not a five-field cron expression", result.Errors[0], StringComparison.Ordinal);
        Assert.Equal("b.json: 'sources' is required", result.Errors[1]);
        Assert.StartsWith("c.json: the file must hold one JSON object", result.Errors[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_ids_are_errors_and_the_first_definition_stays()
    {
        using var folder = new TempDirectory();
        folder.Write("a.json", """{ "name": "news", "sources": [ { "id": "x", "url": "https://one.example.com/" }, { "id": "x", "url": "https://two.example.com/" } ] }""");
        folder.Write("b.json", """{ "name": "news", "sources": [ { "id": "y", "url": "https://three.example.com/" } ] }""");

        var result = await PipelineCatalog.LoadAsync(folder.Path, CancellationToken.None);

        var source = Assert.Single(result.Sources);
        Assert.Equal(new Uri("https://one.example.com/"), source.Url);
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal("a.json: sources[1]: duplicate source id 'news/x' (first defined in a.json)", result.Errors[0]);
        Assert.Equal("b.json: pipeline name 'news' is already used by a.json", result.Errors[1]);
    }

    [Fact]
    public async Task A_relative_url_is_a_local_file_next_to_the_pipelines_and_must_exist()
    {
        using var folder = new TempDirectory();
        var feed = folder.Write("local/feed.xml", "<rss version=\"2.0\"><channel/></rss>");
        folder.Write("local.json", """{ "sources": [ { "id": "here", "url": "local/feed.xml" }, { "id": "gone", "url": "local/missing.xml" }, { "id": "abs", "url": "/etc/hosts" } ] }""");

        var result = await PipelineCatalog.LoadAsync(folder.Path, CancellationToken.None);

        var source = Assert.Single(result.Sources);
        Assert.Equal("local/here", source.Id);
        Assert.True(source.Url.IsFile);
        Assert.Equal(Path.GetFullPath(feed), source.Url.LocalPath);
        Assert.Contains("names a local file that does not exist", result.Errors[0], StringComparison.Ordinal);
        Assert.Contains("got the absolute path '/etc/hosts'", result.Errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_is_an_error()
    {
        var result = await PipelineCatalog.LoadAsync(Path.Combine(Path.GetTempPath(), "nle-no-such-folder-" + Guid.NewGuid().ToString("N")), CancellationToken.None);

        Assert.Empty(result.Sources);
        Assert.StartsWith("pipelines folder not found", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_repository_pipelines_load_without_errors()
    {
        var result = await PipelineCatalog.LoadAsync(Path.Combine(Repository, "pipelines"), CancellationToken.None);

        Assert.Empty(result.Errors);
        Assert.Contains(result.Sources, s => s.Id == "default/bbc-world" && s.Url.Scheme == Uri.UriSchemeHttps);
        Assert.True(result.Sources.Count(s => s.Pipeline == "default") >= 15);
        var demo = Assert.Single(result.Sources, s => s.Pipeline == "demo");
        Assert.True(demo.Enabled);
        Assert.Equal("*/5 * * * *", demo.Schedule);
        Assert.True(demo.Url.IsFile);
        Assert.All(result.Sources.Where(s => s.Pipeline == "default"), s => Assert.Equal(Uri.UriSchemeHttps, s.Url.Scheme));
    }

    [Fact]
    public async Task The_demo_feed_flows_through_the_fetcher_and_the_reader_to_its_local_articles()
    {
        var catalog = await PipelineCatalog.LoadAsync(Path.Combine(Repository, "pipelines"), CancellationToken.None);
        var demo = Assert.Single(catalog.Sources, s => s.Pipeline == "demo");
        using var fetch = TestFetcher.Create("AllowPrivateNetworks=false");

        var feed = await fetch.FetchAsync(new PoliteFetchRequest(demo.Url) { ExpectFeed = true });
        var items = new FeedReader().Read(feed.Document!, demo.Kind);

        Assert.InRange(items.Count, 6, 8);
        Assert.All(items, item => Assert.True(item.Url.IsFile && File.Exists(item.Url.LocalPath), item.Url.ToString()));
        Assert.All(items, item => Assert.NotNull(item.PublishedAt));
        Assert.Contains(items, item => item.Language == "de");
        Assert.True(items.Count(item => item.Language == "en") >= 5);

        foreach (var item in items)
        {
            var article = await fetch.FetchAsync(new PoliteFetchRequest(item.Url));
            Assert.Equal("text/html", article.Document!.MediaType);
        }
    }

    [Fact]
    public async Task The_demo_leak_articles_yield_leak_events_and_the_others_do_not()
    {
        var articles = Path.Combine(Repository, "pipelines", "demo", "articles");
        using var fetch = TestFetcher.Create();
        await using var services = Pipelines.Build();
        var pipeline = services.GetRequiredService<ArticlePipeline>();

        foreach (var path in Directory.EnumerateFiles(articles, "*.html"))
        {
            var response = await fetch.FetchAsync(new Uri(path));
            var events = pipeline.Process(response.Document!).Result!.Events;
            var name = Path.GetFileNameWithoutExtension(path);
            var isLeak = name is "finance-ministry-budget-memo" or "corvane-source-code-leak" or "halvard-dynamics-documents" or "mayor-emails-riverside-tribune";
            Assert.True(isLeak == events.Count > 0, $"{name}: {events.Count} events");
        }
    }
}
