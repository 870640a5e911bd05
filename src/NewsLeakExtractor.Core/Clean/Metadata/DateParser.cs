using System.Globalization;
using System.Text.RegularExpressions;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Clean.Metadata;

/// <summary>
/// Reads the dates pages write: ISO 8601 and its relatives ("2015-07-10 09:53:00 -0400"), Unix epochs,
/// RFC 1123, US and European written dates ("March 13, 2015 9:30 PM EST", "30 avril 2015", "13. März 2015"),
/// and numeric day-month-year. A date without a zone is taken as UTC.
/// </summary>
internal static partial class DateParser
{
    private const int MinYear = 1900;
    private const int MaxYear = 2100;

    private static readonly Dictionary<string, int> Months = Lexicon.Lines("cleaning/metadata/month-names.tsv")
        .Select(line => line.Split('\t', 2))
        .Where(parts => parts.Length == 2)
        .SelectMany(parts => parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(name => (name, int.Parse(parts[0], CultureInfo.InvariantCulture))))
        .GroupBy(p => p.name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, TimeSpan> Zones = Lexicon.Lines("cleaning/metadata/time-zones.tsv")
        .Select(line => line.Split('\t', 2, StringSplitOptions.TrimEntries))
        .Where(parts => parts.Length == 2)
        .ToDictionary(parts => parts[0], parts => ParseOffset(parts[1]) ?? TimeSpan.Zero, StringComparer.OrdinalIgnoreCase);

    /// <summary>The instant a machine-readable or written date names, in UTC; null when the text holds no date.</summary>
    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length is 10 or 13 && text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            var instant = text.Length == 10 ? DateTimeOffset.FromUnixTimeSeconds(epoch) : DateTimeOffset.FromUnixTimeMilliseconds(epoch);
            return instant.Year >= MinYear && instant <= DateTimeOffset.UtcNow.AddDays(2) ? instant : null;
        }

        if (text.Length == 8 && text.All(char.IsAsciiDigit))
        {
            return Build(Int(text[..4]), Int(text[4..6]), Int(text[6..]), 0, 0, 0, null);
        }

        var iso = Iso().Match(text);
        if (iso.Success)
        {
            return Build(Int(iso.Groups["y"].Value), Int(iso.Groups["mo"].Value), Int(iso.Groups["d"].Value),
                Int(iso.Groups["h"].Value), Int(iso.Groups["mi"].Value), Int(iso.Groups["s"].Value), Zone(iso.Groups["z"].Value));
        }

        return ParseWritten(text);
    }

    /// <summary>A date written for people, found anywhere in a short text ("Updated: 30 avril 2015 à 07:19").</summary>
    public static DateTimeOffset? ParseWritten(string text)
    {
        var lower = text.ToLowerInvariant();
        int? year = null, month = null, day = null;

        var written = Written().Match(lower);
        while (written.Success && month is null)
        {
            if (Months.TryGetValue(written.Groups["month"].Value.TrimEnd('.'), out var m))
            {
                month = m;
                day = written.Groups["d1"].Success ? Int(written.Groups["d1"].Value) : Int(written.Groups["d2"].Value);
                year = Int(written.Groups["y"].Value);
            }
            else
            {
                written = written.NextMatch();
            }
        }

        if (month is null)
        {
            var numeric = Numeric().Match(lower);
            if (!numeric.Success)
            {
                return null;
            }

            var a = Int(numeric.Groups["a"].Value);
            var b = Int(numeric.Groups["b"].Value);
            year = Int(numeric.Groups["y"].Value);

            // Day first unless that is impossible or the writer uses US slashes with an impossible month.
            (day, month) = a > 12 ? (a, b) : b > 12 ? (b, a) : numeric.Groups["sep"].Value == "/" ? (b, a) : (a, b);
        }

        var time = Time().Match(lower);
        int hour = 0, minute = 0, second = 0;
        TimeSpan? zone = null;
        if (time.Success)
        {
            hour = Int(time.Groups["h"].Value);
            minute = Int(time.Groups["mi"].Value);
            second = Int(time.Groups["s"].Value);
            var meridiem = time.Groups["ampm"].Value;
            if (meridiem.StartsWith('p') && hour < 12)
            {
                hour += 12;
            }
            else if (meridiem.StartsWith('a') && hour == 12)
            {
                hour = 0;
            }

            zone = Zone(time.Groups["z"].Value);
        }

        return Build(year ?? 0, month ?? 0, day ?? 0, hour, minute, second, zone);
    }

    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, TimeSpan? zone)
    {
        if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 60)
        {
            return null;
        }

        // A publication date in the future is a template's placeholder or an event date, not when the page appeared.
        var instant = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), zone ?? TimeSpan.Zero).ToUniversalTime();
        return instant > DateTimeOffset.UtcNow.AddDays(2) ? null : instant;
    }

    private static TimeSpan? Zone(string zone)
    {
        zone = zone.Trim();
        if (zone.Length == 0)
        {
            return null;
        }

        if (zone[0] is '+' or '-' || zone.StartsWith("gmt", StringComparison.OrdinalIgnoreCase) && zone.Length > 3 || zone.StartsWith("utc", StringComparison.OrdinalIgnoreCase) && zone.Length > 3)
        {
            return ParseOffset(zone[0] is '+' or '-' ? zone : zone[3..]);
        }

        return Zones.TryGetValue(zone, out var offset) ? offset : null;
    }

    private static TimeSpan? ParseOffset(string offset)
    {
        var match = Offset().Match(offset.Trim());
        if (!match.Success)
        {
            return null;
        }

        var span = new TimeSpan(Int(match.Groups["h"].Value), Int(match.Groups["m"].Value), 0);
        return span > TimeSpan.FromHours(14) ? null : match.Groups["sign"].Value == "-" ? -span : span;
    }

    private static int Int(string digits) => int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    [GeneratedRegex(@"^(?<y>\d{4})[-/.](?<mo>\d{1,2})[-/.](?<d>\d{1,2})(?:(?:T|\s+|\s*,\s*)(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?)?\s*(?<z>Z\b|[+-]\d{2}(?::?\d{2})?\b|(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Za-z]{2,5}\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<sign>[+-])?(?<h>\d{1,2})(?::?(?<m>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Offset();

    [GeneratedRegex(@"(?:\b(?<d1>\d{1,2})(?:\.|er|st|nd|rd|th)?\s*(?:de\s+)?(?<month>\p{L}{3,10}\.?),?\s*(?:de\s+)?(?:\d{1,2}:\d{2}(?::\d{2})?\s+\p{L}{0,5}\s*)?(?<y>\d{4})(?!\d)|\b(?<month>\p{L}{3,10}\.?)\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?:\d{1,2}:\d{2}(?::\d{2})?\s+\p{L}{0,5}\s*)?(?<y>\d{4})(?!\d))", RegexOptions.CultureInvariant)]
    private static partial Regex Written();

    [GeneratedRegex(@"\b(?<a>\d{1,2})(?<sep>[./-])(?<b>\d{1,2})\k<sep>(?<y>\d{4})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"\b(?<h>\d{1,2})[:h](?<mi>\d{2})(?::(?<s>\d{2}))?(?:\.\d+)?\s*(?<ampm>[ap]\.?\s?m\.?)?\s*(?<z>[+-]\d{2}:?\d{2}|(?:gmt|utc)[+-]\d{1,2}(?::?\d{2})?|[a-z]{2,5}\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex Time();
}
