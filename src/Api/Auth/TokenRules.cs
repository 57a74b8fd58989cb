using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Kinerja.Api.Auth;

/// <summary>
/// What a validly signed token must also hold before anyone acts on it (docs/decisions/129): a subject (every event names the account
/// that acted), exactly one role (a token carrying several would act as the strongest of them), and an expiry no further ahead than the
/// configured maximum (a stolen token must not work for years). Each refusal is a 401, like any token the service does not accept.
/// </summary>
public static class TokenRules
{
    public static Task Check(TokenValidatedContext context, TimeSpan maxLifetime)
    {
        var user = context.Principal!;
        if (string.IsNullOrWhiteSpace(user.FindFirst("sub")?.Value))
        {
            context.Fail("The token has no subject (sub): every act is recorded against the account that did it.");
        }
        else if (user.FindAll("role").Count() != 1)
        {
            context.Fail("The token must carry exactly one role; an account that acts in several roles gets one token per role.");
        }
        else if (context.SecurityToken.ValidTo > DateTime.UtcNow + maxLifetime + context.Options.TokenValidationParameters.ClockSkew)
        {
            context.Fail($"The token expires too far ahead: tokens may be valid for at most {maxLifetime}.");
        }

        return Task.CompletedTask;
    }
}
