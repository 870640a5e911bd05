using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsLeakExtractor.Cli.Security;

namespace NewsLeakExtractor.Cli.Dashboard.Pages;

/// <summary>Signing out is a POST with an anti-forgery token, so another site cannot sign the administrator out.</summary>
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await AdminSignIn.SignOutAsync(HttpContext);
        return LocalRedirect("/");
    }
}
