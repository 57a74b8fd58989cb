namespace Kinerja.Domain;

/// <summary>
/// A sentence for people in the users' language, Indonesian, and in English for callers that prefer it (docs/decisions/101):
/// problem titles and the field messages of refused input.
/// </summary>
public sealed record Wording(string Indonesian, string English)
{
    public string In(bool english) => english ? English : Indonesian;
}
