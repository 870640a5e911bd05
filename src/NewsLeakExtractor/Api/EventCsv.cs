using NewsLeakExtractor.Contract;
using NewsLeakExtractor.Ingestion.Store;

namespace NewsLeakExtractor.Cli.Api;

/// <summary>The CSV export: one row per event, lists joined with "; ", quoted per RFC 4180.</summary>
public static class EventCsv
{
    public static readonly string[] Header =
    [
        "id", "date", "summary", "leakers", "recipients", "informationOwners", "disclosed", "classification",
        "reportingSources", "reactions", "channel", "location", "confidence", "articleUrl", "articleTitle", "extractorVersion",
    ];

    public static string HeaderLine => string.Join(',', Header);

    public static string Row(StoredEvent stored)
    {
        var e = stored.Event;
        string[] cells =
        [
            e.Id,
            e.OccurredAt ?? stored.ArticlePublishedAt ?? "",
            e.Summary,
            Names(e.Leakers),
            Names(e.Recipients),
            Names(e.InformationOwners),
            string.Join("; ", e.DisclosedInformation.Select(d => d.Text)),
            string.Join("; ", e.DisclosedInformation.Select(d => d.Classification).OfType<string>().Distinct()),
            string.Join("; ", e.ReportingSources.Select(s => s.Name).Distinct()),
            string.Join("; ", e.Reactions.Select(r => $"{r.Actor.Name} ({r.Kind})")),
            e.Channel ?? "",
            e.Location ?? "",
            e.Confidence.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
            stored.ArticleUrl,
            stored.ArticleTitle ?? "",
            stored.ExtractorVersion,
        ];
        return string.Join(',', cells.Select(Quote));
    }

    private static string Names(IReadOnlyList<Actor> actors) => string.Join("; ", actors.Select(a => a.Name));

    /// <summary>
    /// Quotes every cell, and defuses cells a spreadsheet would run as a formula: article text is untrusted,
    /// and "=HYPERLINK(...)" in a title must stay text.
    /// </summary>
    internal static string Quote(string cell)
    {
        var text = cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal) ? "'" + cell : cell;
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
