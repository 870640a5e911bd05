using System.Globalization;
using NewsLeakExtractor.Ingestion.Store;

namespace NewsLeakExtractor.Cli.Dashboard;

public enum TimelineBucket
{
    Day,
    Week,
}

/// <summary>One bar: a day or an ISO week (starting Monday) with its count and its place in the chart.</summary>
public sealed record TimelineBar(DateOnly Start, DateOnly End, int Count, double X, double Y, double Width, double Height)
{
    public string Label => Start == End ? Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : $"week of {Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}

public sealed record TimelineTick(double X, string Text);

/// <summary>
/// The overview's events-over-time chart as numbers for a server-rendered SVG: no script, nothing from the articles
/// in it but counts and dates, and a table of the same figures beside it for screen readers.
/// </summary>
public sealed record Timeline(TimelineBucket Bucket, IReadOnlyList<TimelineBar> Bars, int MaxCount, IReadOnlyList<TimelineTick> Ticks)
{
    public const double Width = 960;
    public const double Height = 240;
    public const double PlotTop = 12;
    public const double PlotBottom = 210;
    public const double PlotLeft = 40;
    public const double PlotRight = 950;

    /// <summary>Bars are capped so a years-long day chart stays legible; past this, weeks are used.</summary>
    public const int MaxDayBars = 120;

    public bool IsEmpty => Bars.Count == 0;

    public static TimelineBucket ChooseBucket(IReadOnlyList<DayCount> days, string? requested)
    {
        if (Enum.TryParse<TimelineBucket>(requested, ignoreCase: true, out var bucket))
        {
            return bucket;
        }

        if (days.Count == 0)
        {
            return TimelineBucket.Day;
        }

        var span = days.Max(d => d.Day).DayNumber - days.Min(d => d.Day).DayNumber + 1;
        return span > MaxDayBars ? TimelineBucket.Week : TimelineBucket.Day;
    }

    public static Timeline Build(IReadOnlyList<DayCount> days, TimelineBucket bucket)
    {
        if (days.Count == 0)
        {
            return new Timeline(bucket, [], 0, []);
        }

        var first = BucketStart(days.Min(d => d.Day), bucket);
        var last = BucketStart(days.Max(d => d.Day), bucket);
        var step = bucket == TimelineBucket.Week ? 7 : 1;
        var counts = days.GroupBy(d => BucketStart(d.Day, bucket)).ToDictionary(g => g.Key, g => g.Sum(d => d.Count));

        var starts = new List<DateOnly>();
        for (var day = first; day <= last; day = day.AddDays(step))
        {
            starts.Add(day);
        }

        var max = Math.Max(1, counts.Values.Max());
        var slot = (PlotRight - PlotLeft) / starts.Count;
        var gap = slot > 4 ? Math.Min(2, slot * 0.2) : 0;
        var bars = new List<TimelineBar>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var count = counts.GetValueOrDefault(starts[i]);
            var height = (PlotBottom - PlotTop) * count / max;
            bars.Add(new TimelineBar(
                starts[i],
                starts[i].AddDays(step - 1),
                count,
                Round(PlotLeft + (i * slot) + (gap / 2)),
                Round(PlotBottom - height),
                Round(Math.Max(0.5, slot - gap)),
                Round(height)));
        }

        return new Timeline(bucket, bars, max, TicksFor(bars));
    }

    /// <summary>About six date labels along the axis, whatever the number of bars.</summary>
    private static List<TimelineTick> TicksFor(List<TimelineBar> bars)
    {
        var every = Math.Max(1, (int)Math.Ceiling(bars.Count / 6.0));
        var ticks = new List<TimelineTick>();
        for (var i = 0; i < bars.Count; i += every)
        {
            ticks.Add(new TimelineTick(Round(bars[i].X + (bars[i].Width / 2)), bars[i].Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return ticks;
    }

    private static DateOnly BucketStart(DateOnly day, TimelineBucket bucket) =>
        bucket == TimelineBucket.Week ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;

    private static double Round(double value) => Math.Round(value, 2);

    /// <summary>An SVG number: invariant culture, so a comma-decimal locale cannot break the drawing.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
