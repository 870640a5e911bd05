using System.Collections.Concurrent;

namespace NewsLeakExtractor.Ingestion.Fetch;

/// <summary>
/// Politeness per host, shared by every caller in the process: at most a fixed number of requests in flight to one
/// host, and a least delay between the starts of two requests to it (raised per host by robots.txt Crawl-delay).
/// </summary>
public sealed class HostThrottle
{
    private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _concurrency;
    private readonly TimeSpan _delay;
    private readonly TimeProvider _time;

    public HostThrottle(int concurrency, TimeSpan delay, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _concurrency = concurrency;
        _delay = delay;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Waits for a free slot and the host's turn; disposing the lease frees the slot.</summary>
    public async Task<IDisposable> EnterAsync(string host, CancellationToken cancellationToken)
    {
        var gate = Gate(host);
        await gate.Slots.WaitAsync(cancellationToken);
        try
        {
            TimeSpan wait;
            lock (gate)
            {
                // Reserve the next start time under the lock, so concurrent callers queue up one delay apart.
                var now = _time.GetUtcNow();
                var start = gate.NextStart > now ? gate.NextStart : now;
                gate.NextStart = start + gate.Delay;
                wait = start - now;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken);
            }

            return new Lease(gate.Slots);
        }
        catch
        {
            gate.Slots.Release();
            throw;
        }
    }

    /// <summary>A site asked for more time between requests (robots.txt Crawl-delay); never lowers the configured delay.</summary>
    public void RaiseDelay(string host, TimeSpan delay)
    {
        var gate = Gate(host);
        lock (gate)
        {
            gate.Delay = delay > _delay ? delay : _delay;
        }
    }

    /// <summary>The delay now applied to <paramref name="host"/>.</summary>
    public TimeSpan DelayFor(string host)
    {
        var gate = Gate(host);
        lock (gate)
        {
            return gate.Delay;
        }
    }

    private HostGate Gate(string host) => _gates.GetOrAdd(host, _ => new HostGate(_concurrency, _delay));

    private sealed class HostGate(int concurrency, TimeSpan delay)
    {
        public SemaphoreSlim Slots { get; } = new(concurrency, concurrency);

        public DateTimeOffset NextStart { get; set; } = DateTimeOffset.MinValue;

        public TimeSpan Delay { get; set; } = delay;
    }

    private sealed class Lease(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
