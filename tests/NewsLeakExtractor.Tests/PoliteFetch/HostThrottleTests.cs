using System.Diagnostics;
using NewsLeakExtractor.Ingestion.Fetch;
using Xunit;

namespace NewsLeakExtractor.Tests.PoliteFetch;

public sealed class HostThrottleTests
{
    [Fact]
    public async Task Hosts_are_throttled_independently()
    {
        var throttle = new HostThrottle(1, TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();

        using (await throttle.EnterAsync("a.example", CancellationToken.None))
        using (await throttle.EnterAsync("b.example", CancellationToken.None))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task A_full_host_makes_the_next_caller_wait_for_a_released_slot()
    {
        var throttle = new HostThrottle(1, TimeSpan.Zero);
        var first = await throttle.EnterAsync("a.example", CancellationToken.None);
        var second = throttle.EnterAsync("a.example", CancellationToken.None);

        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_slot_back()
    {
        var throttle = new HostThrottle(1, TimeSpan.FromSeconds(30));
        (await throttle.EnterAsync("a.example", CancellationToken.None)).Dispose();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => throttle.EnterAsync("a.example", cancel.Token));
    }

    [Fact]
    public async Task Entries_to_one_host_are_spaced_by_the_delay_across_concurrent_callers()
    {
        var throttle = new HostThrottle(4, TimeSpan.FromMilliseconds(100));
        var clock = Stopwatch.StartNew();

        var entered = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var lease = await throttle.EnterAsync("a.example", CancellationToken.None);
            return clock.Elapsed;
        })).WaitAsync(TimeSpan.FromSeconds(10));

        // The i-th entry may not come before i delays have passed; a late continuation can only make a gap larger
        // for one caller and smaller for the next, never let two starts share one delay window.
        var ordered = entered.Order().ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.True(ordered[i] - ordered[0] >= TimeSpan.FromMilliseconds(100 * i - 5), $"entry {i} at {(ordered[i] - ordered[0]).TotalMilliseconds} ms");
        }
    }

    [Fact]
    public void Crawl_delay_raises_but_never_lowers_the_delay()
    {
        var throttle = new HostThrottle(2, TimeSpan.FromSeconds(1));

        throttle.RaiseDelay("a.example", TimeSpan.FromSeconds(3));
        throttle.RaiseDelay("b.example", TimeSpan.FromMilliseconds(10));

        Assert.Equal(TimeSpan.FromSeconds(3), throttle.DelayFor("a.example"));
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.DelayFor("b.example"));
    }
}
