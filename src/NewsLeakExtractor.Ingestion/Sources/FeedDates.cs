using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsLeakExtractor.Ingestion.Sources;

/// <summary>
/// Reads the dates feeds write: RFC 822 in RSS (<c>Tue, 10 Jun 2003 04:00:00 GMT</c>, with the sloppiness real feeds
/// show: no weekday, no seconds, two-digit years, named US zones) and W3C/ISO 8601 in Atom, Dublin Core and sitemaps.
/// A date that cannot be read is null, never an error: a feed with one bad date is still a feed.
/// </summary>
internal static partial class FeedDates
{
    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly Dictionary<string, int> NamedZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = 0, ["UT"] = 0, ["UTC"] = 0, ["Z"] = 0,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5,
        ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7,
        ["BST"] = 1, ["CET"] = 1, ["CEST"] = 2,
    };

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = WhiteSpace().Replace(text.Trim(), " ");
        return ParseRfc822(value) ?? ParseIso(value);
    }

    private static DateTimeOffset? ParseRfc822(string value)
    {
        var match = Rfc822().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var monthText = match.Groups["mon"].Value;
        var month = Array.IndexOf(MonthNames, monthText.Length >= 3 ? monthText[..3].ToLowerInvariant() : monthText) + 1;
        if (month == 0)
        {
            return null;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year < 100)
        {
            // RFC 2822's rule for two-digit years.
            year += year < 50 ? 2000 : 1900;
        }

        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var hour = match.Groups["h"].Success ? int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minute = match.Groups["mi"].Success ? int.Parse(match.Groups["mi"].Value, CultureInfo.InvariantCulture) : 0;
        var second = match.Groups["s"].Success ? int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        var offset = ZoneOffset(match.Groups["z"].Value);
        if (year is < 1900 or > 2200 || day is < 1 or > 31 || hour > 23 || minute > 59 || second > 60
            || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        // A leap second is folded into the next minute rather than rejected.
        return new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), offset).ToUniversalTime();
    }

    private static TimeSpan ZoneOffset(string zone)
    {
        zone = zone.Trim();
        if (zone.Length == 0)
        {
            return TimeSpan.Zero;
        }

        var numeric = NumericZone().Match(zone);
        if (numeric.Success)
        {
            var hours = int.Parse(numeric.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = int.Parse(numeric.Groups["m"].Value, CultureInfo.InvariantCulture);
            var span = new TimeSpan(hours, minutes, 0);
            return hours <= 14 && minutes < 60 ? (numeric.Groups["sign"].Value == "-" ? -span : span) : TimeSpan.Zero;
        }

        // Unknown zone names (and military letters) are taken as UTC: off by hours beats no date at all.
        return NamedZoneHours.TryGetValue(zone, out var named) ? TimeSpan.FromHours(named) : TimeSpan.Zero;
    }

    private static DateTimeOffset? ParseIso(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            && parsed.Year is >= 1900 and <= 2200
            ? parsed.ToUniversalTime()
            : null;

    [GeneratedRegex(@"^(?:[A-Za-z]{2,9}\.?,?\s*)?(?<d>\d{1,2})[\s-](?<mon>[A-Za-z]{3,9})\.?[\s-](?<y>\d{2}|\d{4})(?:,?\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\.\d+)?)?\s*(?<z>[A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?\s*(?:\([^)]*\))?$")]
    private static partial Regex Rfc822();

    [GeneratedRegex(@"^(?<sign>[+-])(?<h>\d{2}):?(?<m>\d{2})$")]
    private static partial Regex NumericZone();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
