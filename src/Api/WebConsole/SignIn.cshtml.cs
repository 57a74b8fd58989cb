using Kinerja.Application.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kinerja.Api.WebConsole;

/// <summary>
/// Through the identity provider when one is configured; otherwise, in Development only, a form that picks a role. Anywhere else the
/// page does not exist (404): a sign-in without a password must never reach a deployed host (decision 135).
/// </summary>
public sealed class SignInModel(ConsoleSignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
    {
        if (signIn.Oidc)
        {
            return Challenge(new AuthenticationProperties { RedirectUri = Back() }, ConsoleSetup.OidcScheme);
        }

        return signIn.Development ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string role, string name, string? nip, string? instansi)
    {
        if (!signIn.Development)
        {
            return NotFound();
        }

        if (!Roles.All.Contains(role) || string.IsNullOrWhiteSpace(name))
        {
            return BadRequest();
        }

        await ConsoleSetup.SignIn(HttpContext, ConsoleSetup.Principal(role, name.Trim(), nip?.Trim(), instansi?.Trim()));
        return LocalRedirect(Back());
    }

    private string Back() => ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith(ConsoleSetup.Base, StringComparison.Ordinal) ? url : ConsoleSetup.Base;
}
