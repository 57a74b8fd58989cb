namespace Kinerja.Api.Auth;

/// <summary>The claims the API reads besides <c>sub</c>, <c>name</c> and <c>role</c>.</summary>
public static class TokenClaims
{
    /// <summary>The unit code an opd-admin administers, with its sub-units (docs/decisions/094).</summary>
    public const string Unit = "unit";

    /// <summary>The instansi (government) whose database every request of the token works in (docs/decisions/145).</summary>
    public const string Instansi = "instansi";
}
