using System.Globalization;
using NewsLeakExtractor.Contract;
using NewsLeakExtractor.Ingestion.Store;

namespace NewsLeakExtractor.Cli.Dashboard;

/// <summary>How the pages word dates, actors and confidence. Returns plain strings: Razor encodes them on output.</summary>
public static class Display
{
    public static string Date(DateTimeOffset? value) =>
        value is { } at ? at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    /// <summary>The event's own date when the article gives one, else the article's publication date.</summary>
    public static string EventDate(StoredEvent stored) => ShortDate(stored.Event.OccurredAt ?? stored.ArticlePublishedAt);

    /// <summary>An ISO timestamp shown as its date part; a partial date ("2026-04") or anything else as written.</summary>
    public static string ShortDate(string? iso)
    {
        if (string.IsNullOrWhiteSpace(iso))
        {
            return "date unknown";
        }

        if (iso.Length <= 10)
        {
            // A year, a month or a day: showing it as a full date would claim a precision the article never gave.
            return iso;
        }

        return DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : iso;
    }

    public static string Confidence(double confidence) => Math.Round(confidence * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string ConfidenceLevel(double confidence) => confidence switch
    {
        >= 0.75 => "high",
        >= 0.5 => "medium",
        _ => "low",
    };

    public static string Names(IReadOnlyList<Actor> actors, string none) =>
        actors.Count == 0 ? none : string.Join(", ", actors.Select(a => a.Name));

    public static string Disclosed(LeakEvent leak) =>
        leak.DisclosedInformation.Count == 0 ? "unspecified information" : string.Join("; ", leak.DisclosedInformation.Select(d => d.Text));

    public static string ActorDetails(Actor actor)
    {
        var parts = new[] { actor.Role, actor.Affiliation is null ? null : $"of {actor.Affiliation}", actor.Kind }
            .Where(part => !string.IsNullOrWhiteSpace(part));
        return string.Join(", ", parts);
    }

    /// <summary>The host of a URL, for "site" when the article named none.</summary>
    public static string Site(StoredEvent stored) =>
        !string.IsNullOrWhiteSpace(stored.SiteName) ? stored.SiteName! : Uri.TryCreate(stored.ArticleUrl, UriKind.Absolute, out var url) ? url.Host : stored.ArticleUrl;

    /// <summary>Only http(s) links are ever written into an href; anything else (javascript:, data:) is shown as text.</summary>
    public static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps);

    public static string Count(int count, string singular, string plural) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? singular : plural)}";
}
