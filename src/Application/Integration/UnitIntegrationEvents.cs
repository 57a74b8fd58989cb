using Kinerja.Domain.Units;

namespace Kinerja.Application.Integration;

/// <summary>A unit (unit kerja) joined the organisation; <c>parentCode</c> null for a top-level unit.</summary>
public sealed record UnitRegisteredV1(Guid UnitId, string Code, string Name, string? ParentCode);

public sealed record UnitRenamedV1(Guid UnitId, string Code, string Name);

/// <summary>Who heads the unit from <c>effectiveOn</c>; <c>headNip</c> null leaves it vacant.</summary>
public sealed record UnitHeadAssignedV1(Guid UnitId, string Code, string? HeadNip, DateOnly EffectiveOn);

/// <summary>The organisation's part of the feed: units and who heads them.</summary>
public sealed class UnitIntegrationEvents : IIntegrationEventMapping
{
    public IReadOnlyList<Type> EventTypes { get; } = [typeof(UnitRegistered), typeof(UnitRenamed), typeof(UnitHeadAssigned)];

    public async ValueTask<IntegrationEventDraft?> Map(object domainEvent, IFeedContext context, CancellationToken ct)
    {
        switch (domainEvent)
        {
            case UnitRegistered r:
                return IntegrationEventDraft.V1(IntegrationEventTypes.UnitRegistered, r.RegisteredAt, new UnitRegisteredV1(
                    r.UnitId, r.Code, r.Name, r.ParentUnitId is { } parent ? await context.UnitCodeOf(parent, ct) : null));
            case UnitRenamed n:
                return IntegrationEventDraft.V1(IntegrationEventTypes.UnitRenamed, n.RenamedAt, new UnitRenamedV1(n.UnitId, await context.UnitCodeOf(n.UnitId, ct), n.Name));
            case UnitHeadAssigned h:
                return IntegrationEventDraft.V1(IntegrationEventTypes.UnitHeadAssigned, h.AssignedAt, new UnitHeadAssignedV1(
                    h.UnitId, await context.UnitCodeOf(h.UnitId, ct), h.HeadNip, h.EffectiveOn));
            default:
                return null;
        }
    }
}
