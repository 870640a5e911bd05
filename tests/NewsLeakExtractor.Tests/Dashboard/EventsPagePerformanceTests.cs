using System.Diagnostics;
using System.Globalization;
using System.Net;
using NewsLeakExtractor.Tests.Service;
using NewsLeakExtractor.Tests.Store;
using NewsLeakExtractor.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace NewsLeakExtractor.Tests.Dashboard;

/// <summary>
/// The events page with 50,000 stored events in SQLite must render in under 300 ms of server time. Measured two ways:
/// the server's own Server-Timing header, and the client's round trip on loopback (an upper bound on it).
/// Seeding 50,000 events is heavy: it runs alone with the store's timings, so neither it nor the rest of the suite is
/// timed while the other competes for the cores.
/// </summary>
[Collection(StorePerformanceCollection.Name)]
public sealed class EventsPagePerformanceTests
{
    public const int Events = 50_000;

    private const int EventsPerArticle = 5;

    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(300);

    private readonly ITestOutputHelper _output;

    public EventsPagePerformanceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Events_page_renders_in_under_300_ms_with_50000_events()
    {
        using var directory = new TempDirectory();
        await using var service = await ServiceUnderTest.StartAsync(DashboardSite.Arguments(directory));

        var seeding = Stopwatch.StartNew();
        for (var n = 0; n < Events / EventsPerArticle; n++)
        {
            await service.Store.SaveExtractionAsync(DashboardFixtures.Article(n, EventsPerArticle), CancellationToken.None);
        }

        _output.WriteLine($"seeded {Events:N0} events in {seeding.Elapsed.TotalSeconds:0.0} s");
        var statistics = await service.Store.GetStatisticsAsync(null, null, 0, CancellationToken.None);
        Assert.Equal(Events, statistics.TotalEvents);

        var pages = new[]
        {
            "/",
            "/?page=2",
            "/?page=1000",
            "/?actor=Nadia+Orlov&role=leaker",
            "/?source=Upland+Mirror",
            "/?classification=secret",
            "/?from=2026-03-10&to=2026-03-20",
            "/?q=tender",
        };
        var failures = new List<string>();
        foreach (var path in pages)
        {
            // The first request of each kind warms the JIT, the page compiler's caches and SQLite's page cache.
            await TimeAsync(service.Http, path);
            var samples = new List<(double Server, double RoundTrip)>();
            for (var i = 0; i < 5; i++)
            {
                samples.Add(await TimeAsync(service.Http, path));
            }

            var server = Median(samples.Select(s => s.Server));
            var roundTrip = Median(samples.Select(s => s.RoundTrip));
            _output.WriteLine($"{path,-40} server {server,7:0.0} ms   round trip {roundTrip,7:0.0} ms (median of 5)");
            if (server >= Budget.TotalMilliseconds)
            {
                failures.Add($"{path}: {server:0.0} ms");
            }
        }

        Assert.True(failures.Count == 0, "over the 300 ms budget: " + string.Join(", ", failures));
    }

    private static async Task<(double Server, double RoundTrip)> TimeAsync(HttpClient http, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        var roundTrip = clock.Elapsed.TotalMilliseconds;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("event-row", body, StringComparison.Ordinal);
        var timing = response.Headers.GetValues("Server-Timing").Single();
        var server = double.Parse(timing[(timing.IndexOf("dur=", StringComparison.Ordinal) + 4)..], CultureInfo.InvariantCulture);
        return (server, roundTrip);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
