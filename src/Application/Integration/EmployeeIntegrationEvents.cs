using Kinerja.Domain.Employees;

namespace Kinerja.Application.Integration;

// Version 1 payloads of the registry's integration events. Enumerations are plain strings so the
// contract does not move when an internal enum does.
public sealed record PositionV1(string Title, string Kind, string? Level);

public sealed record EmployeeRegisteredV1(
    Guid EmployeeId, string Nip, string FullName, string EmploymentType, string UnitCode, PositionV1 Position, string? Golongan,
    string? SupervisorNip, DateOnly StartDate);

public sealed record EmployeeTransferredV1(Guid EmployeeId, string Nip, string UnitCode, PositionV1 Position, string? Golongan, DateOnly EffectiveOn);

public sealed record EmployeeSupervisorChangedV1(Guid EmployeeId, string Nip, string? SupervisorNip, DateOnly EffectiveOn);

public sealed record EmployeeNipCorrectedV1(Guid EmployeeId, string PreviousNip, string Nip, string Reason);

public sealed record EmployeeEmploymentEndedV1(Guid EmployeeId, string Nip, string Reason, DateOnly EffectiveOn);

public sealed record CompetencyLevelV1(string Code, int Level);

/// <summary>A Plt/Plh (<c>kind</c>) acts for the employee, as superior, from <c>from</c> to <c>to</c> (both included).</summary>
public sealed record EmployeeActingOfficialAssignedV1(Guid EmployeeId, string Nip, string ActingNip, string Kind, DateOnly From, DateOnly To);

/// <summary>A PPPK work agreement from <c>startsOn</c> to <c>endsOn</c> (both included); <c>renewal</c> when it follows an earlier one.</summary>
public sealed record EmployeeContractRecordedV1(Guid EmployeeId, string Nip, string Reference, DateOnly StartsOn, DateOnly EndsOn, bool Renewal);

/// <summary>An assessment of the employee's competencies and potential (e.g. by an assessment centre), as of <c>assessedOn</c>.</summary>
public sealed record CompetencyAssessedV1(Guid EmployeeId, string Nip, IReadOnlyList<CompetencyLevelV1> Competencies, string Potential, DateOnly AssessedOn, string AssessedBy);

/// <summary>The employee registry's part of the feed.</summary>
public sealed class EmployeeIntegrationEvents : IIntegrationEventMapping
{
    public IReadOnlyList<Type> EventTypes { get; } =
    [
        typeof(EmployeeRegistered), typeof(EmployeeTransferred), typeof(SupervisorChanged), typeof(NipCorrected), typeof(EmploymentEnded),
        typeof(CompetencyAssessed), typeof(ActingOfficialAssigned), typeof(ContractRecorded),
    ];

    public async ValueTask<IntegrationEventDraft?> Map(object domainEvent, IFeedContext context, CancellationToken ct)
    {
        switch (domainEvent)
        {
            case EmployeeRegistered r:
                context.NipIs(r.EmployeeId, r.Nip);
                return IntegrationEventDraft.V1(IntegrationEventTypes.EmployeeRegistered, r.RegisteredAt, new EmployeeRegisteredV1(
                    r.EmployeeId, r.Nip, r.FullName, r.EmploymentType.ToString(), r.UnitCode, V1(r.Position), r.Golongan, r.SupervisorNip, r.StartDate));
            case NipCorrected n:
                context.NipIs(n.EmployeeId, n.Nip);
                return IntegrationEventDraft.V1(IntegrationEventTypes.EmployeeNipCorrected, n.CorrectedAt, new EmployeeNipCorrectedV1(n.EmployeeId, n.PreviousNip, n.Nip, n.Reason));
            case EmployeeTransferred t:
                return IntegrationEventDraft.V1(IntegrationEventTypes.EmployeeTransferred, t.TransferredAt, new EmployeeTransferredV1(
                    t.EmployeeId, await context.NipOf(t.EmployeeId, ct), t.UnitCode, V1(t.Position), t.Golongan, t.EffectiveOn));
            case SupervisorChanged s:
                return IntegrationEventDraft.V1(IntegrationEventTypes.EmployeeSupervisorChanged, s.ChangedAt, new EmployeeSupervisorChangedV1(
                    s.EmployeeId, await context.NipOf(s.EmployeeId, ct), s.SupervisorNip, s.EffectiveOn));
            case EmploymentEnded x:
                return IntegrationEventDraft.V1(IntegrationEventTypes.EmployeeEmploymentEnded, x.EndedAt, new EmployeeEmploymentEndedV1(
                    x.EmployeeId, await context.NipOf(x.EmployeeId, ct), x.Reason.ToString(), x.EffectiveOn));
            case CompetencyAssessed a:
                return IntegrationEventDraft.V1(IntegrationEventTypes.EmployeeCompetencyAssessed, a.RecordedAt, new CompetencyAssessedV1(
                    a.EmployeeId, await context.NipOf(a.EmployeeId, ct), [.. a.Competencies.Select(c => new CompetencyLevelV1(c.Code, c.Level))],
                    a.Potential.ToString(), a.AssessedOn, a.AssessedBy));
            case ActingOfficialAssigned a:
                return IntegrationEventDraft.V1(IntegrationEventTypes.EmployeeActingOfficialAssigned, a.AssignedAt, new EmployeeActingOfficialAssignedV1(
                    a.EmployeeId, await context.NipOf(a.EmployeeId, ct), a.ActingNip, a.Kind.ToString(), a.From, a.To));
            case ContractRecorded c:
                return IntegrationEventDraft.V1(IntegrationEventTypes.EmployeeContractRecorded, c.RecordedAt, new EmployeeContractRecordedV1(
                    c.EmployeeId, await context.NipOf(c.EmployeeId, ct), c.Reference, c.StartsOn, c.EndsOn, c.Renewal));
            default:
                return null;
        }
    }

    private static PositionV1 V1(Position p) => new(p.Title, p.Kind.ToString(), p.Level?.ToString());
}
