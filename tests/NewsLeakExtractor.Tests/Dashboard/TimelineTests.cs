using NewsLeakExtractor.Cli.Dashboard;
using NewsLeakExtractor.Ingestion.Store;
using Xunit;

namespace NewsLeakExtractor.Tests.Dashboard;

public sealed class TimelineTests
{
    [Fact]
    public void Days_without_events_are_zero_height_bars_and_the_tallest_fills_the_plot()
    {
        var timeline = Timeline.Build([new DayCount(new DateOnly(2026, 3, 1), 2), new DayCount(new DateOnly(2026, 3, 4), 8)], TimelineBucket.Day);

        Assert.Equal(4, timeline.Bars.Count);
        Assert.Equal([2, 0, 0, 8], timeline.Bars.Select(b => b.Count));
        Assert.Equal(8, timeline.MaxCount);
        Assert.Equal(Timeline.PlotBottom - Timeline.PlotTop, timeline.Bars[3].Height, 2);
        Assert.Equal(0, timeline.Bars[1].Height);
        Assert.True(timeline.Bars[^1].X + timeline.Bars[^1].Width <= Timeline.PlotRight + 0.01);
    }

    [Fact]
    public void Weeks_start_on_monday_and_add_up()
    {
        // 2026-03-01 is a Sunday: it belongs to the week of Monday 2026-02-23.
        var timeline = Timeline.Build(
            [new DayCount(new DateOnly(2026, 3, 1), 1), new DayCount(new DateOnly(2026, 3, 2), 2), new DayCount(new DateOnly(2026, 3, 8), 3)],
            TimelineBucket.Week);

        Assert.Equal([new DateOnly(2026, 2, 23), new DateOnly(2026, 3, 2)], timeline.Bars.Select(b => b.Start));
        Assert.Equal([1, 5], timeline.Bars.Select(b => b.Count));
        Assert.Equal("week of 2026-03-02", timeline.Bars[1].Label);
    }

    [Fact]
    public void Long_ranges_default_to_weeks_unless_days_are_asked_for()
    {
        DayCount[] year = [new DayCount(new DateOnly(2025, 1, 1), 1), new DayCount(new DateOnly(2025, 12, 31), 1)];

        Assert.Equal(TimelineBucket.Week, Timeline.ChooseBucket(year, null));
        Assert.Equal(TimelineBucket.Day, Timeline.ChooseBucket(year, "day"));
        Assert.Equal(TimelineBucket.Day, Timeline.ChooseBucket([new DayCount(new DateOnly(2025, 1, 1), 1)], null));
        Assert.True(Timeline.Build(year, TimelineBucket.Day).Ticks.Count <= 7);
    }

    [Fact]
    public void No_events_is_an_empty_chart()
    {
        Assert.True(Timeline.Build([], TimelineBucket.Day).IsEmpty);
    }
}
