using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Kinerja.Api.Auth;

/// <summary>
/// Bearer-token settings (section <c>Auth</c>). Either a shared signing key (HS256) or the
/// <c>Authority</c> of an OpenID Connect provider (the province's IdP), whose published keys are used.
/// </summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "kinerja";

    public string Audience { get; set; } = "kinerja-api";

    public string? SigningKey { get; set; }

    public string? Authority { get; set; }

    /// <summary>The longest a token may still be valid when it is presented: one that expires later is refused (docs/decisions/129).</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    public SymmetricSecurityKey? Key() =>
        string.IsNullOrWhiteSpace(SigningKey) ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey));

    public static AuthSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<AuthSettings>() ?? new AuthSettings();
}
