using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsLeakExtractor.Tests.Support;
using Xunit;

namespace NewsLeakExtractor.Tests.Service;

/// <summary>Manual reprocessing of one URL through the API and the command line, and the refusal of private addresses.</summary>
[Collection(ServiceTestsCollection.Name)]
public sealed class ReprocessTests
{
    [Fact]
    public async Task Reprocess_runs_the_whole_chain_now_and_replaces_the_articles_events()
    {
        await using var site = await NewsSite.StartAsync(articleCount: 4);
        using var temp = new TempDirectory();
        var pipelines = temp.File("pipelines");
        Directory.CreateDirectory(pipelines);
        await using var service = await ServiceUnderTest.StartAsync(
            ServiceUnderTest.Arguments(temp.File("data"), pipelines, "--Fetch:AllowPrivateNetworks=true"));
        var url = site.ArticleUrl(4).ToString();

        var first = await PostAsync(service, url);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("extracted", first.Body["status"]!.GetValue<string>());
        var events = first.Body["events"]!.AsArray();
        Assert.Contains(events, e => e!["leakers"]!.AsArray().Any(l => l!["name"]!.GetValue<string>() == SyntheticArticles.Leaker(4)));
        var articleId = first.Body["article"]!["id"]!.GetValue<long>();

        // Again, after the page changed: the same article, its events replaced rather than added.
        site.Update(4);
        var second = await PostAsync(service, url);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(articleId, second.Body["article"]!["id"]!.GetValue<long>());
        Assert.Contains("admits", second.Body["article"]!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        var stored = await service.GetJsonAsync($"api/articles/{articleId}");
        Assert.Equal(second.Body["events"]!.AsArray().Count, stored["events"]!.AsArray().Count);
        Assert.Equal(2, site.RequestsFor(NewsSite.ArticlePath(4)));

        var missing = await PostAsync(service, new Uri(site.BaseUri, "faults/missing").ToString());
        Assert.Equal(HttpStatusCode.BadGateway, missing.Status);
        Assert.Contains("404", missing.Body["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/article")]
    [InlineData("http://localhost:9/article")]
    [InlineData("http://10.0.0.1/article")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]/article")]
    public async Task A_private_or_loopback_address_is_refused_unless_configured(string url)
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("pipelines"));
        await using var service = await ServiceUnderTest.StartAsync(ServiceUnderTest.Arguments(temp.File("data"), temp.File("pipelines")));

        var started = DateTime.UtcNow;
        var result = await PostAsync(service, url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Contains("Refused", result.Body["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "refused before any connection attempt");

        // Recorded on the article like any other failure.
        var article = await service.Store.FindByUrlAsync(new Uri(url).ToString(), default);
        Assert.Equal("Refused", article?.FailureReason);
    }

    [Theory]
    [InlineData("{\"url\": \"ftp://example.org/file\"}")]
    [InlineData("{\"url\": \"not a url\"}")]
    [InlineData("{}")]
    [InlineData("not json")]
    public async Task A_malformed_request_gets_a_clear_400(string body)
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("pipelines"));
        await using var service = await ServiceUnderTest.StartAsync(ServiceUnderTest.Arguments(temp.File("data"), temp.File("pipelines")));
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await service.Http.PostAsync("api/reprocess", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]?.GetValue<string>()));
    }

    [Fact]
    public async Task The_reprocess_command_extracts_one_url_into_the_store_and_reextracts_everything_with_all()
    {
        await using var site = await NewsSite.StartAsync(articleCount: 2);
        using var temp = new TempDirectory();
        var data = $"--Storage:DataDirectory={temp.File("data")}";

        var one = await CliRunner.RunAsync(temp.Path, "reprocess", site.ArticleUrl(1).ToString(), data, "--Fetch:AllowPrivateNetworks=true");
        Assert.True(one.ExitCode == 0, one.ToString());
        var json = JsonNode.Parse(one.StdOut)!;
        Assert.Equal("extracted", json["status"]!.GetValue<string>());
        Assert.NotEmpty(json["events"]!.AsArray());

        var refused = await CliRunner.RunAsync(temp.Path, "reprocess", site.ArticleUrl(2).ToString(), data);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Refused", refused.StdErr, StringComparison.Ordinal);

        var all = await CliRunner.RunAsync(temp.Path, "reprocess", "--all", data);
        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Contains("re-extracted 1 of 1", all.StdOut, StringComparison.Ordinal);
        Assert.Equal(1, site.RequestsFor(NewsSite.ArticlePath(1)));
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(ServiceUnderTest service, string url)
    {
        var response = await service.Http.PostAsJsonAsync("api/reprocess", new { url });
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
