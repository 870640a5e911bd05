using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsLeakExtractor.Tests.Support;

/// <summary>
/// What a fixture page's sibling <c>&lt;name&gt;.expected.json</c> says the extraction must give.
/// A metadata field absent from the file is not checked; present (even as null), it must match exactly.
/// </summary>
internal sealed class FixtureExpectation
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public JsonElement? Title { get; init; }

    public JsonElement? Byline { get; init; }

    public JsonElement? PublishedAt { get; init; }

    public JsonElement? SiteName { get; init; }

    public JsonElement? CanonicalUrl { get; init; }

    public JsonElement? Language { get; init; }

    /// <summary>Sentences of the article body that must appear verbatim in the text.</summary>
    public IReadOnlyList<string> MustContain { get; init; } = [];

    /// <summary>Page furniture (navigation, ads, captions, credits, related links, comments, bylines...) that must not.</summary>
    public IReadOnlyList<string> MustNotContain { get; init; } = [];

    /// <summary>The exact number of blank-line separated paragraphs, when the page's structure fixes it.</summary>
    public int? Paragraphs { get; init; }

    [JsonIgnore]
    public string Name { get; private set; } = string.Empty;

    /// <summary>The page file next to the expectation: the same name with the .html extension.</summary>
    [JsonIgnore]
    public string PagePath => TestPaths.Page(Name + ".html");

    public static FixtureExpectation Load(string name)
    {
        var path = TestPaths.Page(name + ".expected.json");
        var expectation = JsonSerializer.Deserialize<FixtureExpectation>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"empty expectation file {path}");
        expectation.Name = name;
        return expectation;
    }

    /// <summary>The names of all fixture pages that have an expectation file.</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(TestPaths.Pages, "*.expected.json")
            .Select(p => Path.GetFileName(p)[..^".expected.json".Length])
            .Order(StringComparer.Ordinal);

    /// <summary>Null when the field is not in the file, else the expected string (possibly null).</summary>
    public static bool TryExpected(JsonElement? field, out string? expected)
    {
        expected = null;
        if (field is not { } value)
        {
            return false;
        }

        expected = value.ValueKind == JsonValueKind.Null ? null : value.GetString();
        return true;
    }
}
