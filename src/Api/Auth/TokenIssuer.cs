using System.Security.Claims;
using Kinerja.Application.Common;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kinerja.Api.Auth;

/// <summary>Signs tokens with the configured shared key: for development, tests and the admin CLI, never a production IdP.</summary>
public static class TokenIssuer
{
    public static string Issue(AuthSettings settings, string role, string? nip, string? name, TimeSpan lifetime, string? unit = null, string? instansi = null)
    {
        var key = settings.Key() ?? throw new InvalidOperationException("Auth:SigningKey is not configured.");
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'. Roles: {string.Join(", ", Roles.All)}.", nameof(role));
        }

        var claims = new List<Claim> { new("sub", name ?? nip ?? role), new("name", name ?? nip ?? role), new("role", role) };
        if (nip is not null)
        {
            claims.Add(new Claim("nip", nip));
        }

        if (unit is not null)
        {
            claims.Add(new Claim(TokenClaims.Unit, unit));
        }

        if (instansi is not null)
        {
            claims.Add(new Claim(TokenClaims.Instansi, instansi));
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
