using FluentValidation;
using Kinerja.Application.Appraisals;
using Kinerja.Application.Common;
using Kinerja.Application.Units;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Units;
using Mediator;

namespace Kinerja.Application.Cycles.GettingProgress;

/// <summary>
/// How many appraisals stand at each step: the plan opened, drafted, submitted, returned or agreed; the evaluation given (awaiting
/// approval), returned or approved (final); or the appraisal excused. Each appraisal counts once, at its furthest step.
/// </summary>
public sealed record StageCounts(
    int Opened, int Draft, int PlanSubmitted, int PlanReturned, int Agreed, int Evaluated, int EvaluationReturned, int Approved, int Excused, int Total)
{
    public static readonly StageCounts None = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public StageCounts Add(StageCount row) => (row.Excused, row.Evaluation, row.Status) switch
    {
        (true, _, _) => this with { Excused = Excused + row.Count, Total = Total + row.Count },
        (_, EvaluationStatus.Approved, _) => this with { Approved = Approved + row.Count, Total = Total + row.Count },
        (_, EvaluationStatus.Submitted, _) => this with { Evaluated = Evaluated + row.Count, Total = Total + row.Count },
        (_, EvaluationStatus.Returned, _) => this with { EvaluationReturned = EvaluationReturned + row.Count, Total = Total + row.Count },
        (_, _, AppraisalStatus.Agreed) => this with { Agreed = Agreed + row.Count, Total = Total + row.Count },
        (_, _, AppraisalStatus.Submitted) => this with { PlanSubmitted = PlanSubmitted + row.Count, Total = Total + row.Count },
        (_, _, AppraisalStatus.Returned) => this with { PlanReturned = PlanReturned + row.Count, Total = Total + row.Count },
        (_, _, AppraisalStatus.Draft) => this with { Draft = Draft + row.Count, Total = Total + row.Count },
        _ => this with { Opened = Opened + row.Count, Total = Total + row.Count },
    };
}

/// <summary>A unit's own appraisals (opened in it) and those of the unit with all its sub-units.</summary>
public sealed record UnitProgress(string UnitCode, string UnitName, string? ParentCode, StageCounts Own, StageCounts WithSubUnits);

public sealed record CycleProgress(
    Guid CycleId, string CycleName, CyclePhase Phase, string? UnitCode, StageCounts Total, IReadOnlyList<UnitProgress> Items, string? NextCursor);

/// <summary>
/// The cycle's progress per unit, ordered by unit code and paged by cursor: every unit with appraisals in the cycle, or the named unit
/// and its sub-units; <see cref="CycleProgress.Total"/> sums the whole selection.
/// </summary>
public sealed record GetCycleProgress(Guid CycleId, string? Unit, int? Limit, string? Cursor) : IQuery<CycleProgress>;

public sealed class GetCycleProgressValidator : AbstractValidator<GetCycleProgress>
{
    public GetCycleProgressValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Unit!).UnitCode().When(q => q.Unit is not null);
        RuleFor(q => q.Cursor).IssuedCursor(c => KeysetCursor.Decode(GetCycleProgressHandler.List, c, k => k.Length > 0) is not null);
    }
}

public sealed class GetCycleProgressHandler(ICycleDirectory cycles, IAppraisalDirectory appraisals, IUnitDirectory units)
    : IQueryHandler<GetCycleProgress, CycleProgress>
{
    internal const string List = "cycle-progress";

    public async ValueTask<CycleProgress> Handle(GetCycleProgress query, CancellationToken ct)
    {
        var cycle = await cycles.Find(query.CycleId, ct) ?? throw CycleStreams.NotFound(query.CycleId);
        var all = await units.All(ct);
        var root = query.Unit is { } code ? await units.Addressed(code, ct) : null;
        var stages = (await appraisals.StagesIn(cycle.Id, ct)).ToLookup(s => s.UnitCode);
        var byId = all.ToDictionary(u => u.Id);
        var subtrees = all.ToDictionary(u => u.Code, u => CycleScopes.Closure(all, [u.Code]));
        StageCounts Sum(IEnumerable<string> codes) => codes.SelectMany(code => stages[code]).Aggregate(StageCounts.None, (sum, row) => sum.Add(row));

        // Without a unit: every unit with appraisals in the cycle in it or below it; with one: that unit and its sub-units.
        var selected = root is null ? all.Where(u => subtrees[u.Code].Any(stages.Contains)).ToList() : [.. all.Where(u => subtrees[root.Code].Contains(u.Code))];
        var total = Sum(root is null ? stages.Select(g => g.Key) : subtrees[root.Code]);
        var after = query.Cursor is { } c ? KeysetCursor.Decode(List, c, k => k.Length > 0) : null;
        var limit = query.Limit ?? Paging.DefaultLimit;
        var rest = selected.Where(u => after is null || string.CompareOrdinal(u.Code, after) > 0).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var page = rest.Take(limit).Select(u => new UnitProgress(
            u.Code, u.Name, u.ParentUnitId is { } parent && byId.TryGetValue(parent, out var p) ? p.Code : null, Sum([u.Code]), Sum(subtrees[u.Code]))).ToList();
        return new CycleProgress(cycle.Id, cycle.Name, cycle.Phase, root?.Code, total, page,
            rest.Count > limit ? KeysetCursor.Encode(List, page[^1].UnitCode) : null);
    }
}
