using Kinerja.Application.Appraisals;
using Kinerja.Application.Employees;
using Kinerja.Application.Units;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Evaluations;

namespace Kinerja.Application.Evaluations;

/// <summary>Section <c>Kinerja:Awards</c>: the top-of-unit rule award candidacy uses (ADR 042).</summary>
public sealed class AwardSettings
{
    public decimal TopShare { get; set; } = TopOfUnitRule.Default.Share;

    public int TopAtLeast { get; set; } = TopOfUnitRule.Default.AtLeast;

    public TopOfUnitRule Rule() => TopShare is > 0 and <= 1 && TopAtLeast >= 0
        ? new TopOfUnitRule(TopShare, TopAtLeast)
        : throw new InvalidOperationException($"Kinerja:Awards needs 0 < TopShare <= 1 and TopAtLeast >= 0; got {TopShare} and {TopAtLeast}.");
}

/// <summary>
/// Tindak lanjut reads final appraisals only (an evaluation still with the approver may change): who needs
/// support, and who is an award candidate under the top-of-unit rule. Every follow-up list and rule shares this.
/// </summary>
public sealed class FinalAppraisals(IAppraisalDirectory appraisals, IEmployeeDirectory employees, IUnitDirectory units, AwardSettings settings)
{
    private const int Batch = 500;

    public static readonly IReadOnlyList<Predikat> NeedSupport = [Predikat.ButuhPerbaikan, Predikat.Kurang, Predikat.SangatKurang];

    public TopOfUnitRule Rule { get; } = settings.Rule();

    public static bool IsFinal(AppraisalRecord record) => record.Evaluation is { Status: EvaluationStatus.Approved };

    public static bool NeedsSupport(AppraisalRecord record) => IsFinal(record) && NeedSupport.Contains(record.Evaluation!.Predikat);

    /// <summary>The final appraisals of the cycle, or of one unit (as opened; an unknown unit is a 404).</summary>
    public async Task<IReadOnlyList<AppraisalRecord>> Of(Guid cycleId, string? unitCode, CancellationToken ct)
    {
        if (unitCode is not null)
        {
            var opened = await appraisals.InUnit(cycleId, unitCode, ct);
            await units.EnsureFilterKnown(unitCode, opened.Count == 0, ct);
            return [.. opened.Where(IsFinal)];
        }

        var all = new List<AppraisalRecord>();
        string? after = null;
        while (true)
        {
            var page = await appraisals.List(new AppraisalFilter(cycleId, null, null, null, after, Batch), ct);
            all.AddRange(page.Where(IsFinal));
            if (page.Count < Batch)
            {
                return all;
            }

            after = page[^1].Nip;
        }
    }

    /// <summary>The unit's final appraisals in the ranking's order (the same keys as the ranking's columns) under the configured rule.</summary>
    public UnitTop Top(IEnumerable<AppraisalRecord> unit) =>
        AwardCandidacy.Rank(Rule, [.. unit.Select(a => new FinalStanding(a.Nip, a.Evaluation!.Predikat, a.Score?.Value ?? 0m, a.Score?.ResultsPoints ?? 0m))]);

    /// <summary>The NIP and name each employee has now (a PPPK number can change after the appraisal was opened).</summary>
    public async Task<Func<AppraisalRecord, (string Nip, string? FullName)>> CurrentPeople(IEnumerable<AppraisalRecord> records, CancellationToken ct)
    {
        var list = records.ToList();
        var people = (await employees.FindMany([.. list.Select(r => r.EmployeeId).Distinct()], ct)).ToDictionary(p => p.Id);
        return r => people.GetValueOrDefault(r.EmployeeId) is { } p ? (p.Nip, p.FullName) : (r.Nip, null);
    }
}
