using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Mediator;

namespace Kinerja.Application.Audit.GettingHistory;

/// <summary>
/// One line of an employee's audit history. <see cref="EffectiveOn"/> is the date the fact takes
/// effect where it has one; <see cref="DaysBackDated"/> how many days before its recording (WIT) that was.
/// <see cref="Actor"/> gathers who acted as every other record shows it; <see cref="UserName"/>, <see cref="Role"/>
/// and <see cref="ActorNip"/> stay for the clients that read them.
/// </summary>
public record AuditEntry(
    long Sequence,
    DateTimeOffset RecordedAt,
    Guid StreamId,
    long Version,
    string Type,
    DateOnly? EffectiveOn,
    int? DaysBackDated,
    string? UserName,
    string? Role,
    string? ActorNip,
    string? CorrelationId,
    string? CausationId,
    string? Reason,
    object Data,
    Actor Actor)
{
    public static AuditEntry From(RecordedEvent e)
    {
        var effective = (e.Data as IEffectiveDated)?.EffectiveDate;
        var recordedOn = DateOnly.FromDateTime(e.RecordedAt.ToOffset(Wit.Offset).DateTime);
        int? backDated = effective is { } d && d < recordedOn ? recordedOn.DayNumber - d.DayNumber : null;
        return new AuditEntry(e.Sequence, e.RecordedAt, e.StreamId, e.Version, e.Type, effective, backDated,
            e.UserName, e.Role, e.ActorNip, e.CorrelationId, e.CausationId, e.Reason, e.Data, e.Actor);
    }
}

/// <summary>Every event about the employee across their streams, in commit order; paged by sequence.</summary>
public sealed record GetEmployeeHistory(string Nip, DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<string>? Types, int? Limit, long? After)
    : IQuery<Page<AuditEntry>>;

public sealed class GetEmployeeHistoryValidator : AbstractValidator<GetEmployeeHistory>
{
    public GetEmployeeHistoryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 5000);
        RuleFor(q => q.After).GreaterThanOrEqualTo(0);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null);
    }
}

public sealed class GetEmployeeHistoryHandler(AuditAccess access, IAuditTrail trail) : IQueryHandler<GetEmployeeHistory, Page<AuditEntry>>
{
    public const int DefaultLimit = 500;

    public async ValueTask<Page<AuditEntry>> Handle(GetEmployeeHistory query, CancellationToken ct)
    {
        var employee = await access.Employee(query.Nip, ct);
        var limit = query.Limit ?? DefaultLimit;
        var events = await trail.Events(
            await trail.StreamsOf(employee.Id, ct), new AuditFilter(query.From, query.To, query.Types, query.After, limit + 1), ct);
        var items = events.Take(limit).Select(AuditEntry.From).ToList();
        return new Page<AuditEntry>(items, events.Count > limit ? items[^1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}
