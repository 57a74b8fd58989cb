using System.Text.RegularExpressions;

namespace Kinerja.Domain.Appraisals;

/// <summary>
/// Personal data masked out of a public feedback comment before anything is stored: the public are often minors (students)
/// and their parents, and an event is kept for ever (UU 27/2022 on personal data protection: data minimisation, Pasal 16;
/// a child's data is specific personal data, Pasal 4). What is masked, in this order: e-mail addresses, Indonesian
/// mobile numbers (08…, 62 8…, +62 8…), ten-digit numbers (the NISN, a student's national number) and the names the
/// portal marks as personal. The rule is versioned so a stored comment says which masking it went through.
/// </summary>
public static partial class CommentMasking
{
    public const string Version = "2026.1";

    /// <param name="Text">The comment as stored.</param>
    /// <param name="Kinds">What was masked (<c>email</c>, <c>phone</c>, <c>nisn</c>, <c>name</c>), each once, in that order; empty when nothing was.</param>
    public sealed record Masked(string? Text, IReadOnlyList<string> Kinds);

    public static Masked Mask(string? comment, IReadOnlyList<string>? personalNames = null)
    {
        if (string.IsNullOrEmpty(comment))
        {
            return new Masked(comment, []);
        }

        var kinds = new List<string>();
        var text = Replace(comment, Email(), "[email disamarkan]", "email", kinds);
        text = Replace(text, Phone(), "[nomor telepon disamarkan]", "phone", kinds);
        text = Replace(text, Nisn(), "[NISN disamarkan]", "nisn", kinds);
        foreach (var name in (personalNames ?? []).Select(n => n.Trim()).Where(n => n.Length >= 2).OrderByDescending(n => n.Length))
        {
            text = Replace(text, new Regex($@"(?<!\w){Regex.Escape(name)}(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "[nama disamarkan]", "name", kinds);
        }

        return new Masked(text, kinds);
    }

    private static string Replace(string text, Regex pattern, string replacement, string kind, List<string> kinds)
    {
        var replaced = pattern.Replace(text, replacement);
        if (replaced != text && !kinds.Contains(kind))
        {
            kinds.Add(kind);
        }

        return replaced;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    /// <summary>A mobile number: 08, 628 or +628, then 7 to 11 more digits, spaces, dots or hyphens allowed between digits.</summary>
    [GeneratedRegex(@"(?<![\d+])(\+62|62|0)[\s.-]?8(?:[\s.-]?\d){7,11}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?<!\d)\d{10}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Nisn();
}
