using System.Buffers.Text;
using System.Text;

namespace Kinerja.Application.Common;

/// <summary>Opaque keyset cursor: the sort key of the last item of the previous page, tagged with the list it belongs to.</summary>
public static class KeysetCursor
{
    public static string Encode(string list, string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{list}:{key}"));

    /// <returns>The key, or null when the text is not a cursor of that list whose key passes <paramref name="valid"/>.</returns>
    public static string? Decode(string list, string cursor, Func<string, bool> valid)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith(list + ":", StringComparison.Ordinal) && text[(list.Length + 1)..] is var key && valid(key) ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
