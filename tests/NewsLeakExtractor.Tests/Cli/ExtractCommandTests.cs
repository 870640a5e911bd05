using System.IO.Compression;
using System.Text.Json;
using NewsLeakExtractor.Contract;
using NewsLeakExtractor.Tests.Fetch;
using NewsLeakExtractor.Tests.Support;
using Xunit;

namespace NewsLeakExtractor.Tests.Cli;

/// <summary>The <c>extract</c> command end to end, as a user runs it: arguments in, JSON and exit code out.</summary>
public sealed class ExtractCommandTests : IClassFixture<LoopbackSite>, IDisposable
{
    private static readonly string[] ContractArticleFields = ["url", "canonicalUrl", "title", "byline", "siteName", "publishedAt", "language", "text"];

    private const string SeedText = """
        Ministry contractor admits copying tender files to a home laptop

        A contractor working for the transport ministry has admitted copying tender files to a personal laptop, officials said on Thursday.

        The files, which included the scoring criteria for a rail signalling contract, were found during a routine audit of the contractor's equipment.

        The ministry said it had no evidence that the files had been passed to anyone else.
        """;

    private readonly LoopbackSite _site;
    private readonly TempDirectory _dir = new();

    public ExtractCommandTests(LoopbackSite site) => _site = site;

    public void Dispose() => _dir.Dispose();

    private void CopyPage(string page, string relative) => _dir.Write(relative, File.ReadAllBytes(TestPaths.Page(page)));

    private static void AssertContractDocument(JsonElement root)
    {
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal(["article", "events"], root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var article = root.GetProperty("article");
        var names = article.EnumerateObject().Select(p => p.Name).ToList();
        foreach (var field in ContractArticleFields)
        {
            Assert.Contains(field, names);
        }

        Assert.All(names, n => Assert.True(char.IsLower(n[0]) && !n.Contains('_', StringComparison.Ordinal), $"property '{n}' is not camelCase"));
        Assert.Equal(JsonValueKind.String, article.GetProperty("url").ValueKind);
        Assert.Equal(JsonValueKind.String, article.GetProperty("canonicalUrl").ValueKind);
        Assert.Equal(JsonValueKind.String, article.GetProperty("text").ValueKind);
        foreach (var nullable in new[] { "title", "byline", "siteName", "publishedAt", "language" })
        {
            Assert.Contains(article.GetProperty(nullable).ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
        }

        Assert.Equal(JsonValueKind.Array, root.GetProperty("events").ValueKind);
        Assert.All(root.GetProperty("events").EnumerateArray(), e => Assert.True(e.TryGetProperty("leakers", out _)));
    }

    private static ExtractionResult ReadResult(string path)
    {
        var json = File.ReadAllText(path);
        using var document = JsonDocument.Parse(json);
        AssertContractDocument(document.RootElement);
        return ContractJson.Deserialize(json) ?? throw new InvalidDataException(path);
    }

    [Fact]
    public async Task Extract_one_file_prints_one_contract_document()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "extract", TestPaths.Page("broadsheet.html"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.StdErr);
        using var document = JsonDocument.Parse(result.StdOut); // throws if stdout holds anything but one JSON document
        AssertContractDocument(document.RootElement);
        var article = document.RootElement.GetProperty("article");
        Assert.Equal(new Uri(TestPaths.Page("broadsheet.html")).ToString(), article.GetProperty("url").GetString());
        Assert.Equal("https://www.meridiancourier.example/news/2024/mar/12/leaked-memo-waterways-flood-warnings", article.GetProperty("canonicalUrl").GetString());
        Assert.Equal("Leaked memo shows waterways agency ignored flood warnings", article.GetProperty("title").GetString());
        Assert.Equal("Harriet Quill", article.GetProperty("byline").GetString());
        Assert.Equal("The Meridian Courier", article.GetProperty("siteName").GetString());
        Assert.Equal("2024-03-12T07:30:00Z", article.GetProperty("publishedAt").GetString());
        Assert.Equal("en", article.GetProperty("language").GetString());
        Assert.StartsWith("Senior officials at the Harbour & Canals Authority", article.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_ascii_text_is_written_as_readable_utf8()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "extract", TestPaths.Page("windows-1252-nocharset.html"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("“We were told the café licence didn’t stand a chance,”", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_several_files_to_stdout_prints_json_lines()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "extract", TestPaths.Page("broadsheet.html"), TestPaths.Page("wordpress-blog.html"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            AssertContractDocument(document.RootElement);
        }
    }

    [Fact]
    public async Task Extract_to_out_dir_writes_one_file_per_input_named_without_extensions()
    {
        CopyPage("wordpress-blog.html", "a.html");
        _dir.Write("b.html.gz", Gzip(File.ReadAllBytes(TestPaths.Page("wire-service.html"))));
        _dir.Write("x/seed.txt", SeedText);

        var result = await CliRunner.RunAsync(_dir.Path, "extract", "a.html", "b.html.gz", "x/seed.txt", "--out", "results/run1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.StdOut);
        var outDir = _dir.File("results/run1");
        Assert.Equal(["a.json", "b.json", "seed.json"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("What I learned from forty refused records requests", ReadResult(Path.Combine(outDir, "a.json")).Article.Title);
        Assert.Equal("Port authority staff passed sealed tender bids to rival bidder, audit finds", ReadResult(Path.Combine(outDir, "b.json")).Article.Title);
        var seed = ReadResult(Path.Combine(outDir, "seed.json")).Article;
        Assert.Equal("Ministry contractor admits copying tender files to a home laptop", seed.Title);
        Assert.StartsWith("A contractor working for the transport ministry", seed.Text, StringComparison.Ordinal);
        Assert.Equal(3, seed.Text.Split("\n\n").Length);
        Assert.Contains("3 of 3 inputs extracted to", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("error", result.StdErr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Same_output_name_twice_gets_a_suffix_instead_of_overwriting()
    {
        CopyPage("broadsheet.html", "a.html");
        CopyPage("wordpress-blog.html", "other/a.html");

        var result = await CliRunner.RunAsync(_dir.Path, "extract", "a.html", "other/a.html", "-o", "out", "-j", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Leaked memo shows waterways agency ignored flood warnings", ReadResult(_dir.File("out/a.json")).Article.Title);
        Assert.Equal("What I learned from forty refused records requests", ReadResult(_dir.File("out/a-2.json")).Article.Title);
    }

    [Fact]
    public async Task Failing_input_among_good_ones_exits_non_zero_with_one_line_and_writes_the_rest()
    {
        CopyPage("broadsheet.html", "a.html");
        _dir.Write("c.txt", SeedText);

        var result = await CliRunner.RunAsync(_dir.Path, "extract", "a.html", "missing.html", "c.txt", "--out", "out");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Equal(["a.json", "c.json"], Directory.GetFiles(_dir.File("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var errors = result.StdErrLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["error: missing.html: no such file: missing.html"], errors);
        Assert.Contains("2 of 3 inputs extracted to", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("1 failed", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_kind_of_failure_is_one_line_and_good_inputs_still_print()
    {
        CopyPage("broadsheet.html", "good.html");
        _dir.Write("empty.html", []);
        _dir.Write("doc.pdf", "%PDF-1.7");
        _dir.Write("bad.html.gz", "not gzip");
        _dir.Write("photo.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]);

        var result = await CliRunner.RunAsync(_dir.Path, "extract", "empty.html", "good.html", "doc.pdf", "bad.html.gz", "photo.html", "gone.txt");

        Assert.True(result.ExitCode != 0, result.ToString());
        using (var document = JsonDocument.Parse(result.StdOut.Trim()))
        {
            AssertContractDocument(document.RootElement);
        }

        var errors = result.StdErrLines;
        Assert.Equal(5, errors.Length);
        Assert.All(errors, line => Assert.StartsWith("error: ", line, StringComparison.Ordinal));
        Assert.StartsWith("error: empty.html: empty document", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("error: doc.pdf: unsupported input type", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("error: bad.html.gz: not a valid gzip file", errors[2], StringComparison.Ordinal);
        Assert.StartsWith("error: photo.html: binary content", errors[3], StringComparison.Ordinal);
        Assert.StartsWith("error: gone.txt: no such file", errors[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_without_article_text_is_written_with_a_warning()
    {
        _dir.Write("hub.html", "<html><head><title>Hub</title></head><body><nav><a href=\"/a\">News</a> <a href=\"/b\">Sport</a></nav></body></html>");

        var result = await CliRunner.RunAsync(_dir.Path, "extract", "hub.html");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["warning: hub.html: no article text found: the page has no block of running text"], result.StdErrLines);
        using var document = JsonDocument.Parse(result.StdOut);
        Assert.Equal(string.Empty, document.RootElement.GetProperty("article").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Extract_url_from_loopback_server()
    {
        var url = _site.Url("article").ToString();

        var result = await CliRunner.RunAsync(_dir.Path, "extract", url, "--out", "out");

        Assert.True(result.ExitCode == 0, result.ToString());
        var article = ReadResult(_dir.File("out/article.json")).Article;
        Assert.Equal(url, article.Url);
        Assert.Equal("Leaked memo shows waterways agency ignored flood warnings", article.Title);
    }

    [Fact]
    public async Task Failing_url_reports_the_http_status()
    {
        var url = _site.Url("missing").ToString();

        var result = await CliRunner.RunAsync(_dir.Path, "extract", url);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Equal(string.Empty, result.StdOut);
        Assert.Equal([$"error: {url}: HTTP 404 Not Found from {url}"], result.StdErrLines);
    }

    [Fact]
    public async Task Extract_without_inputs_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "extract");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("Required argument missing", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Root_help_lists_the_commands(string flag)
    {
        var result = await CliRunner.RunAsync(_dir.Path, flag);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("extract <inputs>", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("bench <inputs>", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_help_describes_inputs_and_options()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "extract", "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("NewsLeakExtractor extract <inputs>... [options]", result.StdOut, StringComparison.Ordinal);
        Assert.Contains(".html, .htm, .html.gz, .txt", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("-o, --out", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("-j, --parallel", result.StdOut, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StdErr);
    }

    [Fact]
    public async Task Bench_help_describes_inputs_and_options()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "bench", "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("NewsLeakExtractor bench <inputs>... [options]", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("-r, --rounds", result.StdOut, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StdErr);
    }

    [Fact]
    public async Task Empty_input_argument_is_one_error_line_and_the_rest_is_written()
    {
        CopyPage("broadsheet.html", "a.html");

        var result = await CliRunner.RunAsync(_dir.Path, "extract", "", "a.html", "--out", "out", "-j", "1");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(File.Exists(_dir.File("out/a.json")), result.ToString());
        Assert.Single(result.StdErrLines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.DoesNotContain("Unhandled exception", result.StdErr, StringComparison.Ordinal);
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}
