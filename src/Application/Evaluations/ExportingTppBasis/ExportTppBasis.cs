using FluentValidation;
using Kinerja.Application.Appraisals;
using Kinerja.Application.Audit;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Employees;
using Kinerja.Application.Employees.ListingEmployees;
using Kinerja.Application.Units;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Evaluations;
using Mediator;

namespace Kinerja.Application.Evaluations.ExportingTppBasis;

public static class TppBases
{
    /// <summary>The evaluation was approved and the appraisal not excused: the predikat is final.</summary>
    public const string Final = "final";

    /// <summary>Excused from evaluation: there is no predikat to pay on.</summary>
    public const string Excused = "excused";

    /// <summary>Not yet approved: no predikat is final yet.</summary>
    public const string NotFinal = "not-final";
}

/// <summary>An event that proves a row, as an auditor cites it: its id, where it sits in the store, and the hash sealed with it.</summary>
public sealed record TppProof(string Proves, Guid EventId, Guid StreamId, long Version, long Sequence, string Type, DateTimeOffset RecordedAt, string? Hash);

/// <summary>
/// The basis for an employee's TPP (tambahan penghasilan pegawai) for the period: the final predikat and the events that prove it (the agreed
/// SKP, the evaluation approved and its approval), or why there is none.
/// </summary>
public sealed record TppBasisRow(
    string Nip, string? FullName, string UnitCode, Guid CycleId, DateOnly PeriodStart, DateOnly PeriodEnd, string Basis, Predikat? Predikat,
    string? PredikatTableVersion, DateTimeOffset? FinalAt, IReadOnlyList<TppProof> Proof);

/// <summary>Every appraisal of the cycle, city-wide or opened in one unit, ordered by the NIP it was opened with; keyset paged.</summary>
public sealed record ExportTppBasis(Guid CycleId, string? Unit, int? Limit, string? Cursor) : IQuery<Page<TppBasisRow>>;

public sealed class ExportTppBasisValidator : AbstractValidator<ExportTppBasis>
{
    public ExportTppBasisValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Unit!).UnitCode().When(q => q.Unit is not null);
        RuleFor(q => q.Cursor).IssuedCursor(c => Cursor.Decode(c) is not null);
    }
}

public sealed class ExportTppBasisHandler(IAppraisalDirectory appraisals, IEmployeeDirectory directory, IAuditEvidence evidence, CycleStreams cycles)
    : IQueryHandler<ExportTppBasis, Page<TppBasisRow>>
{
    private static readonly Type[] Proving = [typeof(PlanAgreed), typeof(EvaluationSubmitted), typeof(EvaluationApproved), typeof(AppraisalExcused)];

    public async ValueTask<Page<TppBasisRow>> Handle(ExportTppBasis query, CancellationToken ct)
    {
        var cycle = await cycles.Load(query.CycleId, ct);
        var limit = query.Limit ?? Paging.DefaultLimit;
        var rows = await appraisals.List(
            new AppraisalFilter(query.CycleId, query.Unit?.ToUpperInvariant(), null, null, query.Cursor is { } c ? Cursor.Decode(c) : null, limit + 1), ct);
        var page = rows.Take(limit).ToList();
        var people = (await directory.FindMany([.. page.Select(r => r.EmployeeId)], ct)).ToDictionary(p => p.Id);
        var events = (await evidence.Sealed([.. page.Select(r => r.Id)], Proving, ct)).ToLookup(e => e.StreamId);
        var items = page.Select(r =>
        {
            var person = people.GetValueOrDefault(r.EmployeeId);
            var (basis, predikat) = Basis(r);
            return new TppBasisRow(person?.Nip ?? r.Nip, person?.FullName, r.UnitCode, r.CycleId, cycle.PeriodStart, cycle.PeriodEnd, basis,
                predikat, predikat is null ? null : r.Evaluation!.PredikatTableVersion, predikat is null ? null : r.Evaluation!.ApprovedAt,
                [.. Proof(r, basis, [.. events[r.Id]])]);
        });
        return new Page<TppBasisRow>([.. items], rows.Count > limit ? Cursor.Encode(page[^1].Nip) : null);
    }

    private static (string Basis, Predikat? Predikat) Basis(AppraisalRecord r) =>
        r.Excusal is not null ? (TppBases.Excused, null)
        : r.Evaluation is { Status: EvaluationStatus.Approved } e ? (TppBases.Final, e.Predikat)
        : (TppBases.NotFinal, null);

    /// <summary>
    /// The agreed SKP version's agreement; for a final predikat the evaluation that was approved (the last submission before the last
    /// approval) and that approval; for an excusal the excusal.
    /// </summary>
    private static IEnumerable<TppProof> Proof(AppraisalRecord r, string basis, IReadOnlyList<SealedEvent> events)
    {
        var agreed = r.Agreed()?.Version;
        var agreement = events.LastOrDefault(e => e.Data is PlanAgreed a && a.Version == agreed);
        var approval = basis == TppBases.Final ? events.LastOrDefault(e => e.Data is EvaluationApproved) : null;
        var submission = approval is null ? null : events.LastOrDefault(e => e.Data is EvaluationSubmitted && e.Sequence < approval.Sequence);
        var excusal = basis == TppBases.Excused ? events.LastOrDefault(e => e.Data is AppraisalExcused) : null;
        return new[] { ("plan-agreed", agreement), ("evaluation-submitted", submission), ("evaluation-approved", approval), ("appraisal-excused", excusal) }
            .Where(x => x.Item2 is not null)
            .Select(x => new TppProof(x.Item1, x.Item2!.EventId, x.Item2.StreamId, x.Item2.Version, x.Item2.Sequence, x.Item2.Type, x.Item2.RecordedAt, x.Item2.Hash));
    }
}
