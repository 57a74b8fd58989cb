using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Kinerja.Domain.Appraisals;

public sealed record RealisationFact(string IndicatorKey, bool Superseded);

/// <summary>
/// An appraisal as its decisions see it: who rates, where the plan stands, which indicators are
/// agreed, which realisations exist, and each internal giver's counted response. Public feedback is decided on the
/// narrower <see cref="PublicFeedbackLedger"/> (docs/decisions/152), so this state takes nothing from it.
/// </summary>
/// <param name="AgreedIndicators">Sorted, so the stored document is the same whichever process wrote it (a hash set's
/// order follows string hash codes, which .NET randomises per process, and a rebuild would then differ from the live one).</param>
public sealed record Appraisal(
    Guid Id,
    Guid CycleId,
    Guid EmployeeId,
    Guid RaterId,
    Guid? ApproverId,
    int PlanVersion,
    PlanStatus? PlanStatus,
    Plan? LatestPlan,
    int AgreedVersion,
    ImmutableSortedSet<string> AgreedIndicators,
    ImmutableDictionary<Guid, RealisationFact> Realisations,
    EvaluationStatus? EvaluationStatus = null,
    Evaluations.Predikat? Predikat = null,
    bool Excused = false,
    Evaluations.Rating? Results = null,
    ImmutableDictionary<string, ReplacedResponse>? Counted = null,
    IReadOnlyDictionary<BerAkhlak, string>? LeaderExpectations = null)
{
    /// <summary>The response each giver has counted in the tallies, by <see cref="Feedback.GiverKey(FeedbackSource, Guid)"/>: what a later one replaces.</summary>
    public ImmutableDictionary<string, ReplacedResponse> CountedResponses => Counted ?? ImmutableDictionary<string, ReplacedResponse>.Empty;

    /// <summary>
    /// Derived from (cycle, employee), so two openings of one appraisal race for the same stream
    /// and the event store lets exactly one of them start it.
    /// </summary>
    public static Guid IdFor(Guid cycleId, Guid employeeId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"kinerja/appraisal/{cycleId:N}/{employeeId:N}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static Appraisal Evolve(Appraisal? state, object @event) => (state, @event) switch
    {
        (null, AppraisalOpened e) => new Appraisal(
            e.AppraisalId, e.CycleId, e.EmployeeId, e.RaterId, e.ApproverId, 0, null, null, 0, [],
            ImmutableDictionary<Guid, RealisationFact>.Empty),
        (not null, RaterReassigned e) => state with { RaterId = e.RaterId, ApproverId = e.ApproverId },
        (not null, PlanDrafted e) => state with { PlanVersion = e.Version, PlanStatus = Appraisals.PlanStatus.Draft, LatestPlan = e.Plan },
        (not null, PlanSubmitted) => state with { PlanStatus = Appraisals.PlanStatus.Submitted },
        (not null, PlanReturned) => state with { PlanStatus = Appraisals.PlanStatus.Returned },
        (not null, PlanAgreed e) => state with
        {
            PlanStatus = Appraisals.PlanStatus.Agreed,
            AgreedVersion = e.Version,
            AgreedIndicators = [.. state.LatestPlan?.IndicatorKeys() ?? []],
        },
        (not null, RealisationRecorded e) => state with
        {
            Realisations = state.Realisations.Add(e.RealisationId, new RealisationFact(e.IndicatorKey, false)),
        },
        (not null, RealisationCorrected e) => state with
        {
            Realisations = state.Realisations
                .SetItem(e.CorrectsId, state.Realisations[e.CorrectsId] with { Superseded = true })
                .Add(e.RealisationId, new RealisationFact(e.IndicatorKey, false)),
        },
        (not null, FeedbackGiven e) => state with
        {
            Counted = state.CountedResponses.SetItem(Feedback.GiverKey(e.Source, e.GiverId), new ReplacedResponse(e.FeedbackId.ToString(), e.Scores, null)),
        },
        (not null, PublicFeedbackReceived) => state,
        (not null, EvaluationSubmitted e) => state with { EvaluationStatus = Appraisals.EvaluationStatus.Submitted, Predikat = e.Predikat, Results = e.Results },
        (not null, EvaluationReturned) => state with { EvaluationStatus = Appraisals.EvaluationStatus.Returned },
        (not null, EvaluationApproved) => state with { EvaluationStatus = Appraisals.EvaluationStatus.Approved },
        (not null, AppraisalExcused) => state with { Excused = true },
        (not null, ExpectationsSet e) => state with { LeaderExpectations = e.Expectations },
        _ => throw new InvalidDataException($"{@event.GetType().Name} does not apply to appraisal state {(state is null ? "before opening" : state.Id)}."),
    };
}
