using System.Text.Json.Serialization;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Talent;
using Kinerja.Domain.Training;

namespace Kinerja.Application.Talent;

/// <summary>A competency assessment's potential, with when it was assessed and when recorded.</summary>
public sealed record PotentialAssessed(Potential Potential, DateOnly AssessedOn, DateTimeOffset RecordedAt);

/// <summary>An appraisal of the employee as talent reads it: the latest submitted ratings, and when they became final.</summary>
public sealed record TalentAppraisal(Guid AppraisalId, Guid CycleId, string UnitCode, Rating? Results, Predikat? Predikat, DateTimeOffset? FinalAt);

/// <summary>
/// One lean document per employee for the talent grid and placement: latest competency levels and
/// potential, every appraisal's final ratings, and the latest final with its 9-box. Kept by an async
/// multi-stream projection over employee and appraisal events (docs/decisions/061), so it lags the
/// event store by the daemon's catch-up time.
/// </summary>
public sealed record TalentProfile(
    Guid Id,
    string Nip,
    string FullName,
    string UnitCode,
    DateOnly UnitFrom,
    DateOnly? EndedOn,
    IReadOnlyDictionary<string, int> Levels,
    Potential? Potential,
    DateOnly? AssessedOn,
    IReadOnlyList<TalentAppraisal> Appraisals,
    CompetencyEvidence? Evidence = null,
    IReadOnlyList<PotentialAssessed>? Potentials = null,
    Position? Position = null)
{
    /// <summary>What <see cref="Levels"/> rests on; a profile written before trainings counted has its levels from the assessment alone.</summary>
    [JsonIgnore]
    public CompetencyEvidence Known => Evidence ?? new CompetencyEvidence(Levels, AssessedOn, []);

    /// <summary>The final evaluation approved last (across cycles; of two approved at one instant, the later opened): the one placement ranks by.</summary>
    [JsonIgnore]
    public TalentAppraisal? LatestFinal => Appraisals.Where(a => a.FinalAt is not null).OrderBy(a => a.FinalAt).LastOrDefault();

    /// <summary>The 9-box of the latest final's predikat with the current potential; none without both. Not stored: the candidates scan stays lean.</summary>
    [JsonIgnore]
    public TalentBox? Box => LatestFinal is { Predikat: { } predikat } && Potential is { } potential ? NineBox.For(predikat, potential) : null;

    /// <summary>Sort keys the candidates query reads straight from the document (see PlacementRank).</summary>
    public int PredikatRank => new PlacementRank(0, 0, 0, 0, 0, LatestFinal?.Predikat, null).PredikatRank;

    public int BoxNumber => Box?.Number ?? 0;

    /// <summary>
    /// "cycle" and "cycle:UNIT" for every final appraisal, the latest opened first: the keys the talent grid filters on, and the
    /// first of a key is the final the grid shows.
    /// </summary>
    public IReadOnlyList<string> GridKeys =>
        [.. GridFinals.SelectMany(a => new[] { GridKey(a.CycleId, null), GridKey(a.CycleId, a.UnitCode) })];

    /// <summary>The predikat (its number) of each of <see cref="GridKeys"/>, in the same places: the grid's boxes are counted in SQL.</summary>
    public IReadOnlyList<int> GridPredikats => [.. GridFinals.SelectMany(a => new[] { (int)a.Predikat!.Value, (int)a.Predikat.Value })];

    /// <summary>
    /// The potentials in the order the grid prefers them (assessed later, then recorded later, then listed later), as three columns
    /// the grid's statement reads: the potential's number, the day assessed and the instant recorded (UTC ticks). The one in force at
    /// a cycle's end is the first assessed by then among those recorded by the cycle's closing (of an open cycle, all), so a closed
    /// cycle's grid never changes afterwards.
    /// </summary>
    public IReadOnlyList<int> PotentialValues => [.. Preferred.Select(p => (int)p.Potential)];

    public IReadOnlyList<int> PotentialDays => [.. Preferred.Select(p => p.AssessedOn.DayNumber)];

    public IReadOnlyList<long> PotentialTicks => [.. Preferred.Select(p => p.RecordedAt.UtcTicks)];

    private IEnumerable<TalentAppraisal> GridFinals => Appraisals.Where(a => a.FinalAt is not null).Reverse();

    private IEnumerable<PotentialAssessed> Preferred =>
        (Potentials ?? []).Select((p, i) => (p, i)).OrderByDescending(x => x.p.AssessedOn).ThenByDescending(x => x.p.RecordedAt).ThenByDescending(x => x.i).Select(x => x.p);

    public static string GridKey(Guid cycleId, string? unitCode) => unitCode is null ? cycleId.ToString("N") : $"{cycleId:N}:{unitCode}";

    public bool ActiveOn(DateOnly date) => EndedOn is not { } ended || date < ended;

    public static TalentProfile? Evolve(TalentProfile? snapshot, object @event) => (snapshot, @event) switch
    {
        (null, EmployeeRegistered r) => new TalentProfile(
            r.EmployeeId, r.Nip, r.FullName, r.UnitCode, r.StartDate, null, new Dictionary<string, int>(), null, null, [], Position: r.Position),
        (not null, EmployeeTransferred t) when t.EffectiveOn >= snapshot.UnitFrom =>
            snapshot with { UnitCode = t.UnitCode, UnitFrom = t.EffectiveOn, Position = t.Position },
        (not null, NipCorrected n) => snapshot with { Nip = n.Nip },
        (not null, CompetencyAssessed a) => Assessed(snapshot, a),
        (not null, TrainingGrantCompleted { NewCompetencyLevel: not null } c) => WithEvidence(snapshot, snapshot.Known.Attest(c)),
        (not null, EmploymentEnded x) => snapshot with { EndedOn = x.EffectiveOn },
        (not null, AppraisalOpened o) => snapshot with
        {
            Appraisals = [.. snapshot.Appraisals.Where(a => a.AppraisalId != o.AppraisalId), new TalentAppraisal(o.AppraisalId, o.CycleId, o.UnitCode, null, null, null)],
        },
        (not null, EvaluationSubmitted s) => With(snapshot, s.AppraisalId, a => a with { Results = s.Results, Predikat = s.Predikat }),
        (not null, EvaluationApproved v) => With(snapshot, v.AppraisalId, a => a with { Predikat = v.Predikat, FinalAt = v.ApprovedAt }),
        _ => snapshot,
    };

    private static TalentProfile Assessed(TalentProfile profile, CompetencyAssessed a)
    {
        var kept = profile with { Potentials = [.. profile.Potentials ?? [], new PotentialAssessed(a.Potential, a.AssessedOn, a.RecordedAt)] };
        return profile.Known.IsLatest(a) ? WithEvidence(kept with { Potential = a.Potential, AssessedOn = a.AssessedOn }, profile.Known.Assess(a)) : kept;
    }

    private static TalentProfile WithEvidence(TalentProfile profile, CompetencyEvidence evidence) =>
        profile with { Evidence = evidence, Levels = evidence.Levels() };

    private static TalentProfile With(TalentProfile profile, Guid appraisalId, Func<TalentAppraisal, TalentAppraisal> change) =>
        profile with { Appraisals = [.. profile.Appraisals.Select(a => a.AppraisalId == appraisalId ? change(a) : a)] };
}

/// <summary>
/// The ranking keys of a candidate for one position, each ascending (less weight unmet means more met): the keyset cursor of
/// the candidates list (docs/decisions/100).
/// </summary>
public sealed record CandidateKey(int PathDistance, int UnmetWeight, int WeightedShortfall, int UnknownWeight, int PredikatRank, int BoxFromTop, string Nip)
{
    public static CandidateKey Of(TalentProfile profile, PlacementRank rank) => new(
        rank.PathDistance, rank.TotalWeight - rank.MetWeight, rank.WeightedShortfall, rank.UnknownWeight, rank.PredikatRank, NineBoxTop - (rank.Box ?? 0), profile.Nip);

    /// <summary>Everything met on the person's own path: the keys of those the fast first page is made of.</summary>
    public bool MeetsAllOnPath => PathDistance == 0 && UnmetWeight == 0;

    public const int NineBoxTop = 9;
}

public interface ITalentDirectory
{
    Task<TalentProfile?> FindByNip(string nip, CancellationToken ct);

    /// <summary>
    /// The talent grid of employees with a final evaluation in the cycle (appraised in the unit, when given): how many are in each
    /// box (<see cref="GridKey.NotAssessed"/> for no potential in force) and the page after the key, boxes 9 to 1 then NIP.
    /// </summary>
    Task<TalentGridSlice> Grid(GridQuery query, CancellationToken ct);

    /// <summary>
    /// Assessed employees active on <paramref name="on"/> for whom the position is no step-down, in the placement order for it
    /// (PlacementMatching), after <paramref name="after"/>; computed by the store so only a page is read.
    /// </summary>
    Task<IReadOnlyList<TalentProfile>> Candidates(PlacementTarget target, DateOnly on, CandidateKey? after, int limit, CancellationToken ct);
}

/// <summary>The grid's potential is the one in force at <paramref name="PeriodEnd"/> among those recorded by <paramref name="RecordedBy"/>.</summary>
public sealed record GridQuery(Guid CycleId, string? UnitCode, DateOnly PeriodEnd, DateTimeOffset? RecordedBy, int? Box, GridKey? After, int Limit);

/// <summary>A place in the grid's order: box descending, then NIP.</summary>
public sealed record GridKey(int Box, string Nip)
{
    public const int NotAssessed = 0;
}

/// <summary>
/// A person of a grid's page as the store placed them: the box (<see cref="GridKey.NotAssessed"/> without a potential in force), the
/// final's predikat and unit, and the assessment the box was taken from; the one computation of the box is the store's.
/// </summary>
public sealed record GridPlacing(int Box, string Nip, string FullName, string UnitCode, Predikat Predikat, GridPotential? Assessed);

/// <summary>The potential in force at the period's end and the day it was assessed.</summary>
public sealed record GridPotential(Potential Potential, DateOnly AssessedOn);

public sealed record TalentGridSlice(IReadOnlyDictionary<int, int> Counts, IReadOnlyList<GridPlacing> Page);
