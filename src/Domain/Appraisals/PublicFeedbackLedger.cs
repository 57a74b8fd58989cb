using System.Collections.Immutable;

namespace Kinerja.Domain.Appraisals;

/// <summary>
/// What a public feedback is decided on, and nothing more: the submissions already received (a retry answers the first
/// one's time, the cap counts them) and each named respondent's counted response (what a later one replaces, decision 071).
/// A fold of the appraisal's public responses gives the whole ledger; a public feedback is given only the part it decides on
/// (its submission, its respondent and how many were received, <see cref="Narrowed"/>), read from narrow rows kept beside the
/// appraisal's standing (docs/decisions/168), so neither the request nor the standing grows with the responses.
/// </summary>
/// <param name="Submissions">Sorted, as <paramref name="Respondents"/>: the stored document is then the same whichever process wrote it
/// (a hash map's order follows string hash codes, randomised per process), so a rebuild equals the live one.</param>
/// <param name="Respondents">By the respondent's hash (<see cref="Feedback.Respondent"/>).</param>
public sealed record PublicFeedbackLedger(
    Guid AppraisalId, ImmutableSortedDictionary<string, DateTimeOffset> Submissions, ImmutableSortedDictionary<string, ReplacedResponse> Respondents)
{
    private readonly int? received;

    /// <summary>How many submissions the appraisal has received (what the cap counts): every one when the ledger is whole.</summary>
    public int Received
    {
        get => received ?? Submissions.Count;
        init => received = value;
    }

    /// <summary>
    /// The part of an appraisal's ledger one public feedback decides on: its submission when received before (with the first time), its
    /// respondent's counted response when there is one, and how many submissions were received in all.
    /// </summary>
    public static PublicFeedbackLedger Narrowed(Guid appraisalId, int received, string submissionId, DateTimeOffset? receivedAt, string? respondent, ReplacedResponse? counted) =>
        new(appraisalId,
            receivedAt is { } at ? ImmutableSortedDictionary<string, DateTimeOffset>.Empty.Add(submissionId, at) : ImmutableSortedDictionary<string, DateTimeOffset>.Empty,
            respondent is not null && counted is not null ? ImmutableSortedDictionary<string, ReplacedResponse>.Empty.Add(respondent, counted) : ImmutableSortedDictionary<string, ReplacedResponse>.Empty)
        {
            Received = received,
        };

    public static PublicFeedbackLedger Empty(Guid appraisalId) =>
        new(appraisalId, ImmutableSortedDictionary<string, DateTimeOffset>.Empty, ImmutableSortedDictionary<string, ReplacedResponse>.Empty);

    public PublicFeedbackLedger With(PublicFeedbackReceived e) => this with
    {
        Received = Received + (Submissions.ContainsKey(e.SubmissionId) ? 0 : 1),
        Submissions = Submissions.SetItem(e.SubmissionId, e.ReceivedAt),
        Respondents = e.Respondent is { } respondent ? Respondents.SetItem(respondent, new ReplacedResponse(e.SubmissionId, e.Scores, e.RespondentGroup)) : Respondents,
    };

    /// <summary>After an appraisal's events, of which only public responses move the ledger.</summary>
    public PublicFeedbackLedger With(IEnumerable<object> events) => events.OfType<PublicFeedbackReceived>().Aggregate(this, (ledger, e) => ledger.With(e));
}
