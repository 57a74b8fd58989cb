using Kinerja.Domain.FollowUps;

using Kinerja.Domain;

namespace Kinerja.Application.Integration;

/// <summary>A penghargaan granted for a cycle: the portal shows it on the employee's record.</summary>
public sealed record AwardGrantedV1(
    Guid EmployeeId, string Nip, Guid CycleId, string UnitCode, string Kind, string Citation, DateOnly GrantedOn, string Predikat, string GrantedBy);

/// <summary>A support plan recorded or revised; its actions stay in this service (GET /api/v1/employees/{nip}/follow-ups).</summary>
public sealed record SupportPlanRecordedV1(
    Guid EmployeeId, string Nip, Guid CycleId, string UnitCode, IReadOnlyList<string> Kinds, string ResponsibleNip, DateOnly ReviewOn);

/// <summary>The follow-up (tindak lanjut) module's part of the feed.</summary>
public sealed class FollowUpIntegrationEvents : IIntegrationEventMapping
{
    public IReadOnlyList<Type> EventTypes { get; } = [typeof(AwardGranted), typeof(SupportPlanRecorded)];

    public async ValueTask<IntegrationEventDraft?> Map(object domainEvent, IFeedContext context, CancellationToken ct) => domainEvent switch
    {
        AwardGranted a => IntegrationEventDraft.V1(IntegrationEventTypes.AwardGranted, a.RecordedAt, new AwardGrantedV1(
            a.EmployeeId, await context.NipOf(a.EmployeeId, ct), a.CycleId, a.UnitCode, a.Kind.ToString(), a.Citation, a.GrantedOn, a.Predikat.ToString(), a.By.Name)),
        SupportPlanRecorded p => IntegrationEventDraft.V1(IntegrationEventTypes.SupportPlanRecorded, p.RecordedAt, new SupportPlanRecordedV1(
            p.EmployeeId, await context.NipOf(p.EmployeeId, ct), p.CycleId, p.UnitCode, [.. p.Kinds.Select(k => k.ToString())], p.ResponsibleNip, p.ReviewOn)),
        _ => null,
    };
}
