using NewsLeakExtractor.Fetch;
using NewsLeakExtractor.Ingestion.Fetch;
using NewsLeakExtractor.Tests.Support;
using Xunit;

namespace NewsLeakExtractor.Tests.PoliteFetch;

/// <summary>file: URLs, the offline demo's path through the same fetcher.</summary>
public sealed class LocalFileFetchTests
{
    [Fact]
    public async Task A_local_feed_is_read_with_validators_and_then_not_modified()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("feed.xml", "<rss version=\"2.0\"><channel><title>t</title></channel></rss>");
        using var fetch = TestFetcher.Create("AllowPrivateNetworks=false");

        var first = await fetch.FetchAsync(new PoliteFetchRequest(new Uri(path)) { ExpectFeed = true });
        var second = await fetch.FetchAsync(new PoliteFetchRequest(new Uri(path)) { ExpectFeed = true, ETag = first.ETag, LastModified = first.LastModified });

        Assert.Equal("application/xml", first.Document!.MediaType);
        Assert.NotNull(first.ETag);
        Assert.True(second.NotModified);
        Assert.Null(second.Document);
    }

    [Fact]
    public async Task A_missing_file_is_not_found_and_an_unknown_extension_is_unsupported()
    {
        using var temp = new TempDirectory();
        var image = temp.Write("photo.png", [0x89, 0x50, 0x4E, 0x47]);
        using var fetch = TestFetcher.Create();

        var missing = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(new Uri(temp.File("nothing.html"))));
        var unsupported = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(new Uri(image)));

        Assert.Equal(FailureReason.NotFound, missing.Reason);
        Assert.Equal(FailureReason.UnsupportedContent, unsupported.Reason);
    }

    [Fact]
    public async Task A_local_file_over_the_cap_is_refused()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("big.html", new string('x', 5000));
        using var fetch = TestFetcher.Create("MaxBytes=1000");

        var failure = await Assert.ThrowsAsync<FetchException>(() => fetch.FetchAsync(new Uri(path)));

        Assert.Equal(FailureReason.TooLarge, failure.Reason);
    }
}
