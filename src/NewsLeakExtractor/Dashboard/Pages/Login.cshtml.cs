using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsLeakExtractor.Cli.Security;

namespace NewsLeakExtractor.Cli.Dashboard.Pages;

/// <summary>The administrator's sign-in for use from another machine; local use never needs it.</summary>
public sealed class LoginModel(AccessOptions access) : PageModel
{
    /// <summary>A wrong password costs this long, which slows guessing without locking the real administrator out.</summary>
    private static readonly TimeSpan FailureDelay = TimeSpan.FromSeconds(1);

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public bool Enabled => access.RemoteDashboardEnabled;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            Error = "Sign-in is disabled: no Dashboard:AdminPassword is configured.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (!SecretComparer.Matches(Password, access.AdminPassword))
        {
            await Task.Delay(FailureDelay, cancellationToken);
            Error = "Wrong password.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await AdminSignIn.SignInAsync(HttpContext);
        // Only a path on this site: an open redirect would turn the sign-in page into a phishing aid.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
