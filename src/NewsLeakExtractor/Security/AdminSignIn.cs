using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace NewsLeakExtractor.Cli.Security;

/// <summary>The dashboard's cookie sign-in: one administrator, known by the configured password.</summary>
public static class AdminSignIn
{
    public const string Scheme = "NewsLeakAdmin";

    public const string CookieName = "nle.admin";

    public static Task SignInAsync(HttpContext context) =>
        context.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin")], Scheme)));

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);

    public static void Configure(CookieAuthenticationOptions cookie, AccessOptions options)
    {
        cookie.Cookie.Name = CookieName;
        cookie.Cookie.HttpOnly = true;
        // Strict: a link from another site arrives without the cookie, so no cross-site request acts as the admin.
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = options.SignInLifetime;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = AccessGate.SignInPath;
        cookie.LogoutPath = AccessGate.SignOutPath;
    }
}
