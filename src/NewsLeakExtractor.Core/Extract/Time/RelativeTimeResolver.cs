using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsLeakExtractor.Extract.Time;

/// <summary>A time expression found in a sentence, and the date it means (null when it cannot be resolved).</summary>
public sealed record TimeReference(string Text, string? Date);

/// <summary>
/// Finds relative time expressions ("two weeks ago", "last month", "on Monday") with the patterns of
/// <c>models/lexicons/time-expressions.tsv</c> and resolves them against the article's publication date.
/// Day-precise meanings give yyyy-MM-dd, month offsets yyyy-MM, year offsets yyyy (ISO 8601 reduced precision).
/// </summary>
public sealed class RelativeTimeResolver
{
    private static readonly Dictionary<string, int> Numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
    };

    private readonly (Regex Pattern, string Meaning)[] _patterns;

    public RelativeTimeResolver(LeakLexicons lexicons) =>
        _patterns = lexicons.TimeExpressions
            .OrderByDescending(p => p.Pattern.Length)
            .Select(p => (new Regex(
                p.Pattern.StartsWith('^') ? @"\b(?:" + p.Pattern[1..] + @")\b" : @"\b" + Regex.Escape(p.Pattern) + @"\b",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), p.Meaning))
            .ToArray();

    /// <summary>The earliest (and, at one place, longest) time expression in <paramref name="sentence"/>.</summary>
    public TimeReference? Find(string sentence, string? publishedAt)
    {
        Match? best = null;
        string? meaning = null;
        foreach (var (pattern, m) in _patterns)
        {
            var match = pattern.Match(sentence);
            if (match.Success && (best is null || match.Index < best.Index || (match.Index == best.Index && match.Length > best.Length)))
            {
                best = match;
                meaning = m;
            }
        }

        if (best is null || meaning is null)
        {
            return null;
        }

        var published = publishedAt is not null && DateTimeOffset.TryParse(publishedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var p) ? p.UtcDateTime.Date : (DateTime?)null;
        var count = best.Groups.Count > 1 && best.Groups[1].Success ? ParseCount(best.Groups[1].Value) : 1;

        // An explicit year needs no publication date.
        var resolved = meaning == "year=N" ? Resolve(meaning, DateTime.MinValue, count) : published is { } date ? Resolve(meaning, date, count) : null;
        return new TimeReference(best.Value, resolved);
    }

    internal static string? Resolve(string meaning, DateTime published, int count)
    {
        meaning = meaning.TrimStart('~');
        if (meaning == "null")
        {
            return null;
        }

        if (meaning == "year=N")
        {
            return count.ToString("D4", CultureInfo.InvariantCulture);
        }

        if (meaning.StartsWith("weekday:", StringComparison.Ordinal) && Enum.TryParse<DayOfWeek>(meaning[8..], ignoreCase: true, out var weekday))
        {
            var back = ((int)published.DayOfWeek - (int)weekday + 7) % 7;
            return Day(published.AddDays(-back));
        }

        if (meaning.StartsWith("weekend:", StringComparison.Ordinal))
        {
            var back = ((int)published.DayOfWeek - (int)DayOfWeek.Saturday + 7) % 7;
            return Day(published.AddDays(-back));
        }

        if (meaning.StartsWith("month:", StringComparison.Ordinal) && int.TryParse(meaning[6..], CultureInfo.InvariantCulture, out var month))
        {
            var year = month <= published.Month ? published.Year : published.Year - 1;
            return $"{year:D4}-{month:D2}";
        }

        switch (meaning)
        {
            case "week":
                return Day(published);
            case "month":
                return published.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            case "year":
                return published.ToString("yyyy", CultureInfo.InvariantCulture);
        }

        var offset = Regex.Match(meaning, @"^-(?<n>\d+|N)(?<unit>[dwMy])$");
        if (!offset.Success)
        {
            return null;
        }

        var n = offset.Groups["n"].Value == "N" ? count : int.Parse(offset.Groups["n"].Value, CultureInfo.InvariantCulture);
        return offset.Groups["unit"].Value switch
        {
            "d" => Day(published.AddDays(-n)),
            "w" => Day(published.AddDays(-7 * n)),
            "M" => published.AddMonths(-n).ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => published.AddYears(-n).ToString("yyyy", CultureInfo.InvariantCulture),
        };
    }

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int ParseCount(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : Numbers.GetValueOrDefault(value, 1);
}
