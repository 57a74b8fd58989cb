using System.Collections.Immutable;

namespace Kinerja.Domain.Appraisals;

/// <summary>
/// What a public feedback is decided on, and nothing more: the submissions already received (a retry answers the first
/// one's time, the cap counts them) and each named respondent's counted response (what a later one replaces, decision 071).
/// Kept inline with the appraisal's standing (docs/decisions/152), so a public feedback reads one row instead of folding
/// the appraisal's stream, every earlier public response included.
/// </summary>
/// <param name="Submissions">Sorted, as <paramref name="Respondents"/>: the stored document is then the same whichever process wrote it
/// (a hash map's order follows string hash codes, randomised per process), so a rebuild equals the live one.</param>
/// <param name="Respondents">By the respondent's hash (<see cref="Feedback.Respondent"/>).</param>
public sealed record PublicFeedbackLedger(
    Guid AppraisalId, ImmutableSortedDictionary<string, DateTimeOffset> Submissions, ImmutableSortedDictionary<string, ReplacedResponse> Respondents)
{
    public static PublicFeedbackLedger Empty(Guid appraisalId) =>
        new(appraisalId, ImmutableSortedDictionary<string, DateTimeOffset>.Empty, ImmutableSortedDictionary<string, ReplacedResponse>.Empty);

    public PublicFeedbackLedger With(PublicFeedbackReceived e) => this with
    {
        Submissions = Submissions.SetItem(e.SubmissionId, e.ReceivedAt),
        Respondents = e.Respondent is { } respondent ? Respondents.SetItem(respondent, new ReplacedResponse(e.SubmissionId, e.Scores, e.RespondentGroup)) : Respondents,
    };

    /// <summary>After an appraisal's events, of which only public responses move the ledger.</summary>
    public PublicFeedbackLedger With(IEnumerable<object> events) => events.OfType<PublicFeedbackReceived>().Aggregate(this, (ledger, e) => ledger.With(e));
}
