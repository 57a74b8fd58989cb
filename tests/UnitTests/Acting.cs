using Kinerja.Domain;

namespace Kinerja.UnitTests;

/// <summary>Actors for decisions whose tests do not care who acted beyond a name.</summary>
public static class Acting
{
    public static Actor As(string name) => new(null, name, null, name);
}
