using Hangfire.Dashboard;

namespace NewsLeakExtractor.Cli.Security;

/// <summary>
/// Replaces Hangfire's local-only default with the service's own rule: this machine, or a signed-in administrator.
/// The access gate has already turned other requests away; this keeps /hangfire closed even if it were mounted without it.
/// </summary>
public sealed class HangfireDashboardAccessFilter : IDashboardAuthorizationFilter
{
    private readonly AccessOptions _options;

    public HangfireDashboardAccessFilter(AccessOptions options) => _options = options;

    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        return AccessGate.Decide(http, _options).Verdict == AccessVerdict.Allow;
    }
}
