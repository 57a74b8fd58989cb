using System.Globalization;
using FluentValidation;
using Kinerja.Domain;

namespace Kinerja.Application.Common;

/// <summary>
/// Field messages in the caller's language: the request's UI culture, which the Api sets from <c>Accept-Language</c>
/// (Indonesian unless English is preferred, docs/decisions/101). Outside a request (the admin CLI) it is Indonesian.
/// </summary>
public static class Wordings
{
    public static readonly Wording NotACursor = new("bukan kursor yang diterbitkan API ini", "is not a cursor this API issued");

    public static readonly Wording EachCodeOnce = new("setiap kode kompetensi hanya boleh muncul sekali", "each competency code may appear once");

    public static Wording AtMost(int max, string indonesianNoun, string englishNoun) => new($"paling banyak {max} {indonesianNoun}", $"at most {max} {englishNoun}");

    public static Wording OneOf(IEnumerable<string> values)
    {
        var list = string.Join(", ", values);
        return new($"harus salah satu dari {list}", $"must be one of {list}");
    }

    public static bool CallerWantsEnglish => CultureInfo.CurrentUICulture.Name is "en" or ['e', 'n', '-', ..];

    public static string ForCaller(this Wording wording) => wording.In(CallerWantsEnglish);

    /// <summary>The rule's message in the caller's language, chosen when the rule fails.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Wording wording) =>
        rule.WithMessage(_ => wording.ForCaller());

    /// <summary>No cursor, or one this API issued (<paramref name="decodes"/> says whether it reads back).</summary>
    public static IRuleBuilderOptions<T, string?> IssuedCursor<T>(this IRuleBuilder<T, string?> rule, Func<string, bool> decodes) =>
        rule.Must(c => c is null || decodes(c)).WithMessage(NotACursor);
}
