using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kinerja.Api.WebConsole;

/// <summary>Ends the console session (a POST with the antiforgery token, so another site cannot sign the auditor out), and the provider's too.</summary>
public sealed class SignOutModel(ConsoleSignIn signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect(ConsoleSetup.Base);

    public IActionResult OnPost()
    {
        var schemes = signIn.Oidc ? new[] { ConsoleSetup.CookieScheme, ConsoleSetup.OidcScheme } : [ConsoleSetup.CookieScheme];
        return SignOut(new AuthenticationProperties { RedirectUri = ConsoleSetup.Base }, schemes);
    }
}
