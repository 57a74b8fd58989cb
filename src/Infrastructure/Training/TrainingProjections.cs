using Kinerja.Infrastructure.Common;
using JasperFx.Events;
using Kinerja.Application.Training;
using Kinerja.Domain.Training;
using Marten.Events.Aggregation;

namespace Kinerja.Infrastructure.Training;

internal static class TrainingEventTypes
{
    public static readonly Type[] Grant =
    [
        typeof(TrainingGrantRequested), typeof(TrainingGrantApproved), typeof(TrainingGrantRejected),
        typeof(TrainingGrantScheduled), typeof(TrainingGrantCompleted), typeof(TrainingGrantCancelled),
    ];

    public static readonly Type[] Budget =
    [
        typeof(TrainingBudgetSet), typeof(TrainingBudgetAdjusted), typeof(TrainingFundsReserved), typeof(TrainingFundsReleased), typeof(TrainingFundsSpent),
    ];

    public static readonly Type[] Ledger = [typeof(JpPlanned), typeof(JpPlanWithdrawn), typeof(JpCompleted)];

    public static readonly Type[] Partner =
    [
        typeof(TrainingPartnerRegistered), typeof(TrainingPartnerAmended), typeof(TrainingPartnerAgreementEnded),
        typeof(TrainingPartnerSeatTaken), typeof(TrainingPartnerSeatReleased),
    ];
}

/// <summary>Decision states, bridged to the pure Domain evolve functions (Marten's conventional methods need its source generator in Domain).</summary>
internal sealed class TrainingGrantStateProjection() : StreamProjection<TrainingGrant>(TrainingEventTypes.Grant)
{
    public override TrainingGrant Evolve(TrainingGrant? snapshot, Guid id, IEvent e) => TrainingGrant.Evolve(snapshot, e.Data);
}

internal sealed class TrainingBudgetStateProjection() : StreamProjection<TrainingBudget>(TrainingEventTypes.Budget)
{
    public override TrainingBudget Evolve(TrainingBudget? snapshot, Guid id, IEvent e) => TrainingBudget.Evolve(snapshot, e.Data);
}

/// <summary>The JP ledger's state is small and complete, so it doubles as its read model.</summary>
internal sealed class JpLedgerProjection() : StreamProjection<JpLedger>(TrainingEventTypes.Ledger)
{
    public override JpLedger Evolve(JpLedger? snapshot, Guid id, IEvent e) => JpLedger.Evolve(snapshot, e.Data);
}

/// <summary>A partner's state is small and complete (its agreement, offer and draws), so it doubles as its read model.</summary>
internal sealed class TrainingPartnerProjection() : StreamProjection<TrainingPartner>(TrainingEventTypes.Partner)
{
    public override TrainingPartner Evolve(TrainingPartner? snapshot, Guid id, IEvent e) => TrainingPartner.Evolve(snapshot, e.Data);
}

internal sealed class TrainingGrantRecordProjection() : StreamProjection<TrainingGrantRecord>(TrainingEventTypes.Grant)
{
    public override TrainingGrantRecord Evolve(TrainingGrantRecord? snapshot, Guid id, IEvent e) => (snapshot, e.Data) switch
    {
        (null, TrainingGrantRequested r) => new TrainingGrantRecord(
            r.GrantId, r, GrantStatus.Requested, null, null, null, [new GrantHistoryEntry(GrantStatus.Requested, r.RequestedAt, e.Actor(), null)]),
        (not null, TrainingGrantApproved a) => Step(snapshot with { Status = GrantStatus.Approved }, e, a.ApprovedAt, a.Note),
        (not null, TrainingGrantRejected r) => Step(snapshot with { Status = GrantStatus.Rejected, ClosingReason = r.Reason }, e, r.RejectedAt, r.Reason),
        (not null, TrainingGrantScheduled s) => Step(
            snapshot with { Status = GrantStatus.Scheduled, Schedule = new TrainingSchedule(s.StartsOn, s.EndsOn) }, e, s.ScheduledAt, null),
        (not null, TrainingGrantCompleted c) => Step(
            snapshot with
            {
                Status = GrantStatus.Completed,
                Completion = new TrainingCompletion(c.CompletedOn, c.AttendedJp, c.ActualCost, c.CertificateReference, c.NewCompetencyLevel),
            },
            e, c.CompletedAt, null),
        (not null, TrainingGrantCancelled x) => Step(snapshot with { Status = GrantStatus.Cancelled, ClosingReason = x.Reason }, e, x.CancelledAt, x.Reason),
        _ => throw new InvalidDataException($"{e.EventTypeName} does not apply to training grant record {id}."),
    };

    private static TrainingGrantRecord Step(TrainingGrantRecord record, IEvent e, DateTimeOffset at, string? note) =>
        record with { History = [.. record.History, new GrantHistoryEntry(record.Status, at, e.Actor(), note)] };
}

internal sealed class TrainingBudgetRecordProjection() : StreamProjection<TrainingBudgetRecord>(TrainingEventTypes.Budget)
{
    public override TrainingBudgetRecord Evolve(TrainingBudgetRecord? snapshot, Guid id, IEvent e) => (snapshot, e.Data) switch
    {
        (null, TrainingBudgetSet s) => new TrainingBudgetRecord(s.BudgetId, s.UnitCode, s.Year, s.Allocated, 0, 0, s.SetAt, e.Actor(), []),
        (not null, TrainingBudgetAdjusted a) => snapshot with
        {
            Allocated = a.Allocated,
            Adjustments = [.. snapshot.Adjustments, new BudgetAdjustment(a.PreviousAllocated, a.Allocated, a.Reason, a.AdjustedAt, e.Actor())],
        },
        (not null, TrainingFundsReserved r) => snapshot with { Reserved = snapshot.Reserved + r.Amount },
        (not null, TrainingFundsReleased r) => snapshot with { Reserved = snapshot.Reserved - r.Amount },
        (not null, TrainingFundsSpent s) => snapshot with { Reserved = snapshot.Reserved - s.Reserved, Spent = snapshot.Spent + s.Amount },
        _ => throw new InvalidDataException($"{e.EventTypeName} does not apply to training budget record {id}."),
    };
}
