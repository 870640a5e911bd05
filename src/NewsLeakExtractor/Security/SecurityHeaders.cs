using Microsoft.AspNetCore.Http;

namespace NewsLeakExtractor.Cli.Security;

/// <summary>
/// Response headers that contain what untrusted article text could do if escaping ever failed: no inline or foreign
/// script, no framing, no MIME sniffing, and no referrer leaking dashboard URLs (and their searches) to news sites.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Hangfire's own pages set element styles inline (progress bars, graphs); its scripts are still its own files.
    /// </summary>
    public const string HangfireContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        // Whole path: while Hangfire's branch runs, its mount point is in PathBase.
        var hangfire = context.Request.PathBase.Add(context.Request.Path).StartsWithSegments("/hangfire");
        headers.ContentSecurityPolicy = hangfire ? HangfireContentSecurityPolicy : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
    }
}
