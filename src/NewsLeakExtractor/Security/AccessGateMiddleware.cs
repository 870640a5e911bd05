using Microsoft.AspNetCore.Http;

namespace NewsLeakExtractor.Cli.Security;

/// <summary>Applies <see cref="AccessGate"/> to every request before it reaches the API, the pages or Hangfire.</summary>
public sealed class AccessGateMiddleware
{
    private readonly RequestDelegate _next;
    private readonly AccessOptions _options;

    public AccessGateMiddleware(RequestDelegate next, AccessOptions options)
    {
        _next = next;
        _options = options;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var decision = AccessGate.Decide(context, _options);
        switch (decision.Verdict)
        {
            case AccessVerdict.Allow:
                await _next(context);
                return;
            case AccessVerdict.SignIn:
                var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                context.Response.Redirect($"{AccessGate.SignInPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
                return;
            default:
                context.Response.StatusCode = decision.Verdict == AccessVerdict.Disabled ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    await context.Response.WriteAsJsonAsync(new { error = decision.Message }, context.RequestAborted);
                }
                else
                {
                    context.Response.ContentType = "text/plain; charset=utf-8";
                    await context.Response.WriteAsync(decision.Message ?? "Access denied.", context.RequestAborted);
                }

                return;
        }
    }
}
