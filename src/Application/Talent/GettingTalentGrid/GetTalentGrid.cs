using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Employees;
using Kinerja.Application.Units;
using Kinerja.Domain.Cycles;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Talent;
using Mediator;

namespace Kinerja.Application.Talent.GettingTalentGrid;

public sealed record GridEntry(string Nip, string FullName, string UnitCode, Rating Kinerja, Predikat Predikat, Potential Potential, DateOnly AssessedOn, TalentBox Box);

/// <summary>A finally evaluated employee with no competency assessment in force at the period's end: no potential, so no box is guessed.</summary>
public sealed record NotAssessedEntry(string Nip, string FullName, string UnitCode, Rating Kinerja, Predikat Predikat);

public sealed record BoxCount(int Box, int Count);

/// <summary>
/// The talent 9-box (PermenPANRB 3/2020) of a cycle: kinerja from each final predikat of the cycle by <see cref="KinerjaAxis"/>
/// (<see cref="NineBoxKinerja"/>), potensial from the assessment in force at the period's end (of a closed cycle, among those
/// recorded before it closed), so a closed cycle's grid never changes afterwards.
/// </summary>
public sealed record TalentGrid(
    Guid CycleId, string? UnitCode, IReadOnlyList<GridEntry> Items, IReadOnlyList<NotAssessedEntry> NotAssessed, IReadOnlyList<BoxCount> Counts,
    string KinerjaAxis = NineBoxKinerja.Version);

/// <summary>Entries ordered by box (9 first), then NIP; counts for every box 1-9.</summary>
public sealed record GetTalentGrid(Guid CycleId, string? Unit) : IQuery<TalentGrid>;

public sealed class GetTalentGridHandler(
    ICycleDirectory cycles, ITalentDirectory talent, EmployeeAccess access, IEmployeeDirectory employees, IUnitDirectory units,
    UnitScope scope)
    : IQueryHandler<GetTalentGrid, TalentGrid>
{
    public async ValueTask<TalentGrid> Handle(GetTalentGrid query, CancellationToken ct)
    {
        var unit = query.Unit?.Trim().ToUpperInvariant();
        await EnsureCanRead(unit, ct);
        var cycle = await cycles.Find(query.CycleId, ct) ?? throw CycleStreams.NotFound(query.CycleId);
        var closedAt = cycle.History.LastOrDefault(h => h.Phase == CyclePhase.Closed)?.At;

        var entries = new List<GridEntry>();
        var notAssessed = new List<NotAssessedEntry>();
        var profiles = await talent.InGrid(query.CycleId, unit, ct);
        await units.EnsureFilterKnown(unit, profiles.Count == 0, ct);
        foreach (var profile in profiles)
        {
            var final = profile.Appraisals.Last(a => a.CycleId == query.CycleId && a.FinalAt is not null && (unit is null || a.UnitCode == unit));
            var predikat = final.Predikat!.Value;
            if (profile.PotentialAt(cycle.PeriodEnd, closedAt) is { } assessed)
            {
                var box = NineBox.For(predikat, assessed.Potential);
                entries.Add(new GridEntry(profile.Nip, profile.FullName, final.UnitCode, box.Kinerja, predikat, assessed.Potential, assessed.AssessedOn, box));
            }
            else
            {
                notAssessed.Add(new NotAssessedEntry(profile.Nip, profile.FullName, final.UnitCode, NineBoxKinerja.For(predikat), predikat));
            }
        }

        var counts = Enumerable.Range(1, 9).Select(box => new BoxCount(box, entries.Count(e => e.Box.Number == box))).ToList();
        return new TalentGrid(query.CycleId, unit,
            [.. entries.OrderByDescending(e => e.Box.Number).ThenBy(e => e.Nip, StringComparer.Ordinal)],
            [.. notAssessed.OrderBy(e => e.Nip, StringComparer.Ordinal)], counts);
    }

    /// <summary>
    /// hr-admin, portal and auditor see every unit; a unit's head (or their Plt/Plh) and its opd-admin the units in their reach
    /// (<see cref="UnitScope"/>); a supervisor also the grid of the unit they are placed in.
    /// </summary>
    private async Task EnsureCanRead(string? unit, CancellationToken ct)
    {
        if (await scope.Covers(unit, ct))
        {
            return;
        }

        if (await access.SupervisorId(ct) is { } me && unit is not null && (await employees.Find(me, ct))?.LatestUnitCode == unit)
        {
            return;
        }

        throw new AccessDenied("The talent grid is for hr-admin, portal, auditor, a unit's head and opd-admin (?unit=, sub-units included), and a supervisor for their own unit.");
    }
}
