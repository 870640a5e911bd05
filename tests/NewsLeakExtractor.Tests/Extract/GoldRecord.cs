using System.Text.Json;
using NewsLeakExtractor.Contract;

namespace NewsLeakExtractor.Tests.Extract;

/// <summary>A gold entity: the names it may go by (shared/eval/FORMAT.md).</summary>
internal sealed record GoldEntity(IReadOnlyList<string> Aliases)
{
    public bool MatchedBy(IEnumerable<Actor> actors) => actors.Any(a => ExtractionHarness.NameMatches(a.Name, Aliases));

    public override string ToString() => string.Join(" / ", Aliases);
}

internal sealed record GoldEvent(string? Label, IReadOnlyList<GoldEntity> Leakers, IReadOnlyList<GoldEntity> Recipients, IReadOnlyList<string> DisclosedKeywords);

/// <summary>One gold file (shared/eval/FORMAT.md): the article it describes and the events it should give.</summary>
internal sealed record GoldRecord(string Id, string InputPath, bool IsLeakArticle, IReadOnlyList<GoldEvent> Events)
{
    public static GoldRecord Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var input = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, root.GetProperty("input").GetString()!));
        var events = root.TryGetProperty("events", out var list)
            ? list.EnumerateArray().Select(e => new GoldEvent(
                e.TryGetProperty("label", out var label) ? label.GetString() : null,
                Entities(e, "leakers"),
                Entities(e, "recipients"),
                e.TryGetProperty("disclosedKeywords", out var keywords) ? keywords.EnumerateArray().Select(k => k.GetString()!).ToList() : []))
                .ToList()
            : [];
        return new GoldRecord(root.GetProperty("id").GetString()!, input, root.GetProperty("isLeakArticle").GetBoolean(), events);
    }

    private static List<GoldEntity> Entities(JsonElement leak, string field) =>
        leak.TryGetProperty(field, out var entities)
            ? entities.EnumerateArray().Select(e => new GoldEntity(e.EnumerateArray().Select(a => a.GetString()!).ToList())).ToList()
            : [];
}
