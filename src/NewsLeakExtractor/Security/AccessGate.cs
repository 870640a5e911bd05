using Microsoft.AspNetCore.Http;

namespace NewsLeakExtractor.Cli.Security;

public enum AccessVerdict
{
    Allow,

    /// <summary>A remote browser that has not signed in: send it to the sign-in page.</summary>
    SignIn,

    /// <summary>Wrong or missing credentials (401).</summary>
    Unauthorized,

    /// <summary>Remote access to this part is switched off by configuration (403).</summary>
    Disabled,
}

public sealed record AccessDecision(AccessVerdict Verdict, string? Message = null)
{
    public static readonly AccessDecision Allowed = new(AccessVerdict.Allow);
}

/// <summary>
/// The one rule for every request: /health and the stylesheet are open; from this machine everything is open; from
/// elsewhere the API wants <c>X-Api-Key</c> and the dashboard and /hangfire want an admin sign-in.
/// Hangfire's own authorization filter asks the same rule, so the two cannot drift apart.
/// </summary>
public static class AccessGate
{
    public const string ApiKeyHeader = "X-Api-Key";

    public const string SignInPath = "/login";

    public const string SignOutPath = "/logout";

    public static AccessDecision Decide(HttpContext context, AccessOptions options)
    {
        // Whole path: inside Hangfire's branch the mount point has moved to PathBase.
        var path = context.Request.PathBase.Add(context.Request.Path);
        if (IsOpen(path) || RequestOrigin.IsLocal(context))
        {
            return AccessDecision.Allowed;
        }

        if (path.StartsWithSegments("/api"))
        {
            if (!options.RemoteApiEnabled)
            {
                return new AccessDecision(AccessVerdict.Disabled, "Remote API access is disabled. Set Api:Key in the service's configuration and send it in the X-Api-Key header.");
            }

            return SecretComparer.Matches(context.Request.Headers[ApiKeyHeader].ToString(), options.ApiKey)
                ? AccessDecision.Allowed
                : new AccessDecision(AccessVerdict.Unauthorized, "Missing or wrong X-Api-Key header.");
        }

        if (!options.RemoteDashboardEnabled)
        {
            return new AccessDecision(AccessVerdict.Disabled, "Remote access to the dashboard is disabled. Open it on the machine that runs the service, or set Dashboard:AdminPassword to allow signing in from other machines.");
        }

        if (path.StartsWithSegments(SignInPath) || path.StartsWithSegments(SignOutPath) || IsSignedIn(context))
        {
            return AccessDecision.Allowed;
        }

        var wantsPage = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        return wantsPage
            ? new AccessDecision(AccessVerdict.SignIn, "Sign in to use the dashboard from another machine.")
            : new AccessDecision(AccessVerdict.Unauthorized, "Sign in to use the dashboard from another machine.");
    }

    public static bool IsSignedIn(HttpContext context) =>
        context.User.Identities.Any(identity => identity.IsAuthenticated && identity.AuthenticationType == AdminSignIn.Scheme);

    /// <summary>Liveness for orchestrators, and the assets the sign-in page itself needs.</summary>
    private static bool IsOpen(PathString path) =>
        path.Equals("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/css")
        || path.Equals("/favicon.svg", StringComparison.OrdinalIgnoreCase);
}
