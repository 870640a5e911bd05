using NewsLeakExtractor.Fetch;
using Xunit;

namespace NewsLeakExtractor.Tests.Fetch;

/// <summary>How inputs are told apart and named for <c>extract --out</c>.</summary>
public sealed class InputLoaderTests
{
    [Theory]
    [InlineData("a.html", "a")]
    [InlineData("b.html.gz", "b")]
    [InlineData("x/seed.txt", "seed")]
    [InlineData("/abs/path/report.2024.htm", "report")]
    [InlineData(".hidden.html", ".hidden")]
    [InlineData("https://news.example/world/story.html?utm=x", "story")]
    [InlineData("https://news.example/2024/03/12/leak-story/", "leak-story")]
    [InlineData("https://news.example/", "news")]
    public void Output_name_is_the_file_name_without_extensions(string input, string expected) =>
        Assert.Equal(expected, InputLoader.OutputNameOf(input));

    [Theory]
    [InlineData("http://127.0.0.1:5000/a", true)]
    [InlineData("https://news.example/story", true)]
    [InlineData("ftp://news.example/story.html", false)]
    [InlineData("file:///tmp/story.html", false)]
    [InlineData("story.html", false)]
    [InlineData("/tmp/story.html", false)]
    public void Only_http_and_https_are_urls(string input, bool expected) =>
        Assert.Equal(expected, InputLoader.IsUrl(input));
}
