using Kinerja.Application.Appraisals;
using Kinerja.Application.Appraisals.ReceivingPublicFeedback;
using Kinerja.Application.Employees;
using Kinerja.Domain.Cycles;
using Kinerja.Infrastructure.Common;
using Marten;

namespace Kinerja.Infrastructure.Appraisals;

/// <summary>
/// A public feedback's rows (<see cref="PublicFeedbackRows"/>) read in the batch that looks its appraisal's address up, on the write's
/// connection and in its transaction (docs/decisions/164): no round trip of their own. They are read before the stream is locked; the
/// standing's count read under the lock tells whether a response committed in between, and only then are they read again.
/// </summary>
internal sealed class MartenPublicFeedbackLookup(MartenEventStore store) : IPublicFeedbackLookup
{
    public async Task<(AppraisalCycle? Cycle, EmployeeProfile? Profile, IReadOnlyList<PublicFeedbackSeen> Seen)> FindForWriting(
        Guid cycleId, string nip, string submissionId, string? respondentId, CancellationToken ct)
    {
        var batch = await store.WriteBatch(ct);
        var found = MartenAppraisalAddresses.Enqueue(batch, cycleId, nip);
        var seen = batch.Query<PublicFeedbackSeen>(
            PublicFeedbackRows.Look(store.Session, "st.cycle_id = ? and st.nip = ?"), submissionId, respondentId ?? "", respondentId ?? "", cycleId, nip);
        await batch.Execute(ct);
        var (cycle, profile) = await found();
        return (cycle, profile, await seen);
    }

    public async Task<PublicFeedbackSeen> Locked(Guid appraisalId, string submissionId, string? respondentId, CancellationToken ct) =>
        (await store.Session.QueryAsync<PublicFeedbackSeen>(
            PublicFeedbackRows.Look(store.Session, "st.id = ?"), ct, submissionId, respondentId ?? "", respondentId ?? "", appraisalId)).Single();
}
