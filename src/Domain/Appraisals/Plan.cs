namespace Kinerja.Domain.Appraisals;

/// <summary>A target value with its unit, e.g. 2 dokumen, 100 %, 12 bulan; a Biaya target in whole rupiah.</summary>
public sealed record Target(decimal Value, string Unit);

/// <summary>An IKI (indikator kinerja individu) of an RHK, on one aspect; its key is stable across plan versions.</summary>
public sealed record Indicator(string Key, Aspect Aspect, string Iki, Target Target);

/// <summary>The leader's RHK a row supports (intervensi, cascading): a row of the rater's plan in the same cycle.</summary>
public sealed record SupportedRhk(Guid AppraisalId, string RowKey);

/// <summary>An RHK (rencana hasil kerja, the result to deliver) with its indicators.</summary>
public sealed record PlanRow(string Key, RowKind Kind, string Rhk, SupportedRhk? Supports, IReadOnlyList<Indicator> Indicators);

/// <summary>
/// The SKP (sasaran kinerja pegawai) document: results with indicators and targets, and the
/// leader's special expectation (ekspektasi khusus pimpinan) per BerAKHLAK value where there is one.
/// </summary>
public sealed record Plan(IReadOnlyList<PlanRow> Rows, IReadOnlyDictionary<BerAkhlak, string> Expectations)
{
    public const int MaxRows = 30;
    public const int MaxIndicatorsPerRow = 10;

    public IReadOnlyList<string> IndicatorKeys() => [.. Rows.SelectMany(r => r.Indicators).Select(i => i.Key)];

    public bool HasRow(string key) => Rows.Any(r => r.Key == key);

    /// <summary>Records compare lists by reference; a plan is the same when its content is.</summary>
    public bool SameAs(Plan other) =>
        Rows.Count == other.Rows.Count
        && Rows.Zip(other.Rows).All(p => SameRow(p.First, p.Second))
        && Expectations.Count == other.Expectations.Count
        && Expectations.All(e => other.Expectations.TryGetValue(e.Key, out var text) && text == e.Value);

    private static bool SameRow(PlanRow a, PlanRow b) =>
        a.Key == b.Key && a.Kind == b.Kind && a.Rhk == b.Rhk && a.Supports == b.Supports && a.Indicators.SequenceEqual(b.Indicators);

    /// <returns>null when the document is well formed, otherwise why not.</returns>
    public static Wording? Problem(Plan plan)
    {
        if (!plan.Rows.Any(r => r.Kind == RowKind.Utama))
        {
            return new("rencana memerlukan paling sedikit satu baris Utama", "a plan needs at least one Utama row");
        }

        var keys = plan.Rows.Select(r => r.Key).Concat(plan.Rows.SelectMany(r => r.Indicators).Select(i => i.Key)).ToList();
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            return new("kunci baris dan indikator harus unik dalam rencana", "row and indicator keys must be unique within the plan");
        }

        if (plan.Rows.Any(r => r.Indicators.Count == 0))
        {
            return new("setiap baris memerlukan paling sedikit satu indikator", "every row needs at least one indicator");
        }

        return plan.Rows.SelectMany(r => r.Indicators).Any(i => i.Aspect == Aspect.Biaya && decimal.Truncate(i.Target.Value) != i.Target.Value)
            ? new Wording("target Biaya berupa bilangan bulat rupiah", "a Biaya target is a whole number of rupiah")
            : null;
    }
}
