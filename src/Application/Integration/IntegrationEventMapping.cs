using System.Text.Json;
using System.Text.Json.Serialization;
using Kinerja.Application.Common;

namespace Kinerja.Application.Integration;

/// <summary>What a mapping makes of one internal event: the public type, its version, when it happened and the payload.</summary>
public sealed record IntegrationEventDraft(string Type, int Version, DateTimeOffset OccurredAt, object Payload)
{
    public static IntegrationEventDraft V1(string type, DateTimeOffset occurredAt, object payload) => new(type, 1, occurredAt, payload);
}

/// <summary>
/// Keys a payload needs that the internal event does not carry, as they stood at that event's
/// position (not as they stand today): a feed rebuilt from the start says the same thing again.
/// </summary>
public interface IFeedContext
{
    ValueTask<string> NipOf(Guid employeeId, CancellationToken ct);

    /// <summary>Called by the mapping of an event that assigns an employee's NIP, so later events carry it.</summary>
    void NipIs(Guid employeeId, string nip);

    /// <summary>A unit's code: its public key, which never changes once registered.</summary>
    ValueTask<string> UnitCodeOf(Guid unitId, CancellationToken ct);

    /// <summary>Whom a stream (an appraisal, a training grant) is about, as its opening event recorded.</summary>
    ValueTask<StreamSubject> SubjectOf(Guid streamId, CancellationToken ct);

    /// <summary>Called by the mapping of a stream's opening event, so the stream's later events can name their employee.</summary>
    void SubjectIs(Guid streamId, StreamSubject subject);
}

/// <summary>The employee a stream concerns, and the stream it belongs to where there is one (an appraisal's cycle).</summary>
public sealed record StreamSubject(Guid EmployeeId, Guid? ParentId);

/// <summary>Turns a module's internal events into integration events. A module joins the feed by adding one to <see cref="IntegrationEventMappings.All"/>.</summary>
public interface IIntegrationEventMapping
{
    IReadOnlyList<Type> EventTypes { get; }

    /// <returns>null when the event is of no interest to the portal.</returns>
    ValueTask<IntegrationEventDraft?> Map(object domainEvent, IFeedContext context, CancellationToken ct);
}

public static class IntegrationEventMappings
{
    public static readonly IReadOnlyList<IIntegrationEventMapping> All =
        [
            new EmployeeIntegrationEvents(), new UnitIntegrationEvents(), new AppraisalIntegrationEvents(), new TrainingIntegrationEvents(),
            new FollowUpIntegrationEvents(),
        ];
}

/// <summary>The JSON of the public contract: the API's own conventions (camelCase, enums as strings).</summary>
public static class IntegrationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(), new WitInstantJsonConverter() } };
}
