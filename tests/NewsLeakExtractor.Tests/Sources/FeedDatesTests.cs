using NewsLeakExtractor.Ingestion.Sources;
using Xunit;

namespace NewsLeakExtractor.Tests.Sources;

public sealed class FeedDatesTests
{
    [Theory]
    [InlineData("Tue, 03 Jun 2025 09:15:00 GMT", "2025-06-03T09:15:00Z")]
    [InlineData("Tue, 03 Jun 2025 09:15:00 +0200", "2025-06-03T07:15:00Z")]
    [InlineData("Tue, 3 Jun 2025 09:15 EDT", "2025-06-03T13:15:00Z")]
    [InlineData("3 Jun 2025 09:15:00 PST", "2025-06-03T17:15:00Z")]
    [InlineData("Mon, 02 Jun 25 07:05:00 +0000", "2025-06-02T07:05:00Z")]
    [InlineData("Wed, 03 June 2025 09:15:00 Z", "2025-06-03T09:15:00Z")]
    [InlineData("Tuesday, 03 Jun 2025 09:15:00 -05:00", "2025-06-03T14:15:00Z")]
    [InlineData("  Tue,   03  Jun  2025  09:15:00   GMT  ", "2025-06-03T09:15:00Z")]
    [InlineData("Tue, 03 Jun 2025 09:15:00 XYZ", "2025-06-03T09:15:00Z")]
    [InlineData("2025-06-03T09:15:00+01:00", "2025-06-03T08:15:00Z")]
    [InlineData("2025-06-03T09:15:00.123Z", "2025-06-03T09:15:00.123Z")]
    [InlineData("2025-06-03", "2025-06-03T00:00:00Z")]
    public void Feed_dates_are_read(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedDates.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("Tue, 31 Feb 2025 09:15:00 GMT")]
    [InlineData("Tue, 03 Foo 2025 09:15:00 GMT")]
    [InlineData("Tue, 03 Jun 2025 25:15:00 GMT")]
    public void Unreadable_dates_are_null(string? text) => Assert.Null(FeedDates.Parse(text));
}
