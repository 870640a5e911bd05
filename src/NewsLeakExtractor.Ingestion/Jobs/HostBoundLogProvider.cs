using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace NewsLeakExtractor.Ingestion.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide and outlives the host whose logger factory it writes to (a test process
/// runs many hosts, a CLI command builds and drops one). Once that factory is disposed, Hangfire's components log
/// nowhere instead of throwing.
/// </summary>
public sealed class HostBoundLogProvider : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner;

    public HostBoundLogProvider(ILoggerFactory loggerFactory) => _inner = new AspNetCoreLogProvider(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
