using Kinerja.Application.Common;

namespace Kinerja.Application.Evaluations;

/// <summary>
/// Cycle-wide follow-up lists are computed whole (ranking needs every final appraisal of a unit) and paged by
/// a keyset cursor over a composite key whose ordinal order is the list's documented order.
/// </summary>
public static class FollowUpPaging
{
    public const string SupportNeeds = "support-needs";
    public const string AwardCandidates = "award-candidates";

    public static string? After(string list, string cursor) => KeysetCursor.Decode(list, cursor, key => key.Length > 0);

    public static Page<T> Page<T>(string list, IEnumerable<T> items, Func<T, string> key, int? limit, string? cursor)
    {
        var after = cursor is null ? null : After(list, cursor);
        var ordered = items.Select(i => (Key: key(i), Item: i)).OrderBy(x => x.Key, StringComparer.Ordinal).Where(x => after is null || string.CompareOrdinal(x.Key, after) > 0).ToList();
        var take = limit ?? Paging.DefaultLimit;
        var page = ordered.Take(take).ToList();
        return new Page<T>([.. page.Select(x => x.Item)], ordered.Count > take ? KeysetCursor.Encode(list, page[^1].Key) : null);
    }
}
