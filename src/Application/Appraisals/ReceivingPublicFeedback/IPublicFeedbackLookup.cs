using Kinerja.Application.Employees;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;

namespace Kinerja.Application.Appraisals.ReceivingPublicFeedback;

/// <summary>
/// What one public feedback decides on besides its appraisal's standing (docs/decisions/168): the standing's count of submissions
/// as the rows were read with it, the submission's first time when it was received before, and its respondent's hash and counted response.
/// </summary>
public sealed record PublicFeedbackSeen(Guid AppraisalId, int Received, DateTimeOffset? FirstReceivedAt, string? Respondent, ReplacedResponse? Counted)
{
    /// <summary>
    /// Still what the decision needs once the stream is locked: the same appraisal, no submission received since (the locked standing
    /// counts as many), and the respondent hashed as the domain hashes them.
    /// </summary>
    public bool Holds(AppraisalStanding locked, string? respondent) =>
        AppraisalId == locked.Id && Received == locked.PublicReceived && Respondent == respondent;

    public PublicFeedbackLedger Ledger(string submissionId) =>
        PublicFeedbackLedger.Narrowed(AppraisalId, Received, submissionId, FirstReceivedAt, Respondent, Counted);
}

/// <summary>A public feedback's rows, looked up with its appraisal's address before the lock, and again under it when they moved since.</summary>
public interface IPublicFeedbackLookup
{
    /// <summary>
    /// <see cref="IAppraisalAddresses.FindForWriting"/> with the submission's and the respondent's rows in the same round trip; the rows
    /// are found by the standing's cycle and NIP, so they are empty when that is not the appraisal the address names.
    /// </summary>
    Task<(AppraisalCycle? Cycle, EmployeeProfile? Profile, IReadOnlyList<PublicFeedbackSeen> Seen)> FindForWriting(
        Guid cycleId, string nip, string submissionId, string? respondentId, CancellationToken ct);

    /// <summary>The rows read again on the write's connection, under the stream's lock: when a response committed between the look-up and the lock.</summary>
    Task<PublicFeedbackSeen> Locked(Guid appraisalId, string submissionId, string? respondentId, CancellationToken ct);
}
