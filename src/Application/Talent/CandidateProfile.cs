using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Talent;
using Kinerja.Domain.Training;

namespace Kinerja.Application.Talent;

/// <summary>An appraisal not final yet, as the candidates' sort keys need it: its place in opening order and the latest submitted ratings.</summary>
public sealed record PendingTalentAppraisal(int Order, Rating? Results, Predikat? Predikat);

/// <summary>The final evaluation approved last, with its place in opening order (the tie-break of <see cref="TalentProfile.LatestFinal"/>).</summary>
public sealed record LatestFinalAppraisal(Guid AppraisalId, int Order, Rating? Results, Predikat? Predikat, DateTimeOffset FinalAt);

/// <summary>
/// The narrow twin of <see cref="TalentProfile"/> that the candidates query scans (docs/decisions/061): per employee only
/// the NIP, whether and until when they are active, the known competency levels and potential, and the latest final
/// evaluation, so its row stays a few hundred bytes however many cycles pass. Its sort keys are columns. Kept by its own
/// async projection over the same events; <see cref="TalentProfile"/> stays the document the answer is made from.
/// </summary>
public sealed record CandidateProfile(
    Guid Id,
    string Nip,
    DateOnly? EndedOn,
    IReadOnlyDictionary<string, int> Levels,
    Potential? Potential,
    DateOnly? AssessedOn,
    int Opened,
    IReadOnlyDictionary<Guid, PendingTalentAppraisal> Pending,
    LatestFinalAppraisal? LatestFinal,
    CompetencyEvidence Evidence,
    Position? Position = null,
    DateOnly? PositionFrom = null)
{
    /// <summary>The same keys as <see cref="TalentProfile.PredikatRank"/> and <see cref="TalentProfile.BoxNumber"/>, from the narrow state.</summary>
    public int PredikatRank => new PlacementRank(0, 0, 0, 0, 0, LatestFinal?.Predikat, null).PredikatRank;

    /// <summary>The grade of the post held (PlacementRules), 0 when not known: a position below it is a step-down.</summary>
    public int Grade => Position is { } p ? PlacementRules.Grade(p.Kind, p.Level) ?? 0 : 0;

    /// <summary>The jabatan fungsional path and rumpun of the post held; empty for a structural post.</summary>
    public string Path => Position is { } p ? PlacementRules.PathOf(p.Kind, p.Title)?.Path ?? "" : "";

    public string Rumpun => Position is { } p ? PlacementRules.PathOf(p.Kind, p.Title)?.Rumpun ?? "" : "";

    /// <summary>The codes of <see cref="Levels"/> in ordinal order, with <see cref="LevelValues"/> in the same order: as array
    /// columns the query finds a level by position without parsing the document.</summary>
    public IReadOnlyList<string> LevelCodes => [.. Levels.Keys.Order(StringComparer.Ordinal)];

    public IReadOnlyList<int> LevelValues => [.. LevelCodes.Select(code => Levels[code])];

    /// <summary>
    /// Every "CODE:level" the employee reaches, from 1 up to the known level: a requirement (code, minimum) is met
    /// exactly when "CODE:minimum" is in it, so those who meet all of a position's requirements are found through an
    /// index instead of by scoring everybody.
    /// </summary>
    public IReadOnlyList<string> LevelsReached =>
        [.. LevelCodes.SelectMany(code => Enumerable.Range(1, Levels[code]).Select(level => Reached(code, level)))];

    public static string Reached(string code, int level) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{code}:{level}");

    public int BoxNumber => LatestFinal is { Predikat: { } predikat } && Potential is { } potential ? NineBox.For(predikat, potential).Number : 0;

    public static CandidateProfile? Evolve(CandidateProfile? snapshot, object @event) => (snapshot, @event) switch
    {
        (null, EmployeeRegistered r) => new CandidateProfile(
            r.EmployeeId, r.Nip, null, new Dictionary<string, int>(), null, null, 0, new Dictionary<Guid, PendingTalentAppraisal>(), null, CompetencyEvidence.None,
            r.Position, r.StartDate),
        (not null, EmployeeTransferred t) when t.EffectiveOn >= snapshot.PositionFrom.GetValueOrDefault() =>
            snapshot with { Position = t.Position, PositionFrom = t.EffectiveOn },
        (not null, NipCorrected n) => snapshot with { Nip = n.Nip },
        (not null, CompetencyAssessed a) when snapshot.Evidence.IsLatest(a) =>
            WithEvidence(snapshot with { Potential = a.Potential, AssessedOn = a.AssessedOn }, snapshot.Evidence.Assess(a)),
        (not null, TrainingGrantCompleted { NewCompetencyLevel: not null } c) => WithEvidence(snapshot, snapshot.Evidence.Attest(c)),
        (not null, EmploymentEnded x) => snapshot with { EndedOn = x.EffectiveOn },
        // An appraisal stream opens once (its id is derived from cycle and employee), so its order never changes.
        (not null, AppraisalOpened o) => snapshot with
        {
            Opened = snapshot.Opened + 1, Pending = With(snapshot.Pending, o.AppraisalId, new PendingTalentAppraisal(snapshot.Opened, null, null)),
        },
        (not null, EvaluationSubmitted s) when snapshot.Pending.TryGetValue(s.AppraisalId, out var pending) => snapshot with
        {
            Pending = With(snapshot.Pending, s.AppraisalId, pending with { Results = s.Results, Predikat = s.Predikat }),
        },
        (not null, EvaluationSubmitted s) when snapshot.LatestFinal?.AppraisalId == s.AppraisalId => snapshot with
        {
            LatestFinal = snapshot.LatestFinal with { Results = s.Results, Predikat = s.Predikat },
        },
        (not null, EvaluationApproved v) when snapshot.Pending.TryGetValue(v.AppraisalId, out var pending) => Approve(
            snapshot with { Pending = snapshot.Pending.Where(p => p.Key != v.AppraisalId).ToDictionary() },
            new LatestFinalAppraisal(v.AppraisalId, pending.Order, pending.Results, v.Predikat, v.ApprovedAt)),
        (not null, EvaluationApproved v) when snapshot.LatestFinal?.AppraisalId == v.AppraisalId =>
            snapshot with { LatestFinal = snapshot.LatestFinal with { Predikat = v.Predikat, FinalAt = v.ApprovedAt } },
        _ => snapshot,
    };

    private static CandidateProfile WithEvidence(CandidateProfile profile, CompetencyEvidence evidence) =>
        profile with { Evidence = evidence, Levels = evidence.Levels() };

    /// <summary>Approved last wins; of two approved at one instant, the later opened (TalentProfile.LatestFinal).</summary>
    private static CandidateProfile Approve(CandidateProfile profile, LatestFinalAppraisal final) =>
        profile.LatestFinal is not { } latest || (final.FinalAt, final.Order).CompareTo((latest.FinalAt, latest.Order)) >= 0
            ? profile with { LatestFinal = final }
            : profile;

    private static Dictionary<Guid, PendingTalentAppraisal> With(IReadOnlyDictionary<Guid, PendingTalentAppraisal> pending, Guid id, PendingTalentAppraisal entry) =>
        new(pending) { [id] = entry };
}
