using Kinerja.Domain.Employees;
using Kinerja.Domain.Positions;

namespace Kinerja.Application.Positions;

/// <summary>A jabatan's read model, kept inline with its events: the list, the lookups and the candidates read it.</summary>
public sealed record PositionRecord(
    Guid Id,
    string Code,
    string Name,
    string UnitCode,
    PositionKind Kind,
    PositionLevel? Level,
    IReadOnlyList<RequiredCompetency> Requirements,
    int Vacancies,
    bool Retired,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? RetiredAt)
{
    /// <summary>Has an open seat: what candidates are sought for and what the vacant filter means.</summary>
    public bool Vacant => !Retired && Vacancies > 0;

    public static PositionRecord Evolve(PositionRecord? snapshot, object @event) => (snapshot, @event) switch
    {
        (null, PositionRegistered e) => new PositionRecord(
            e.PositionId, e.Code, e.Name, e.UnitCode, e.Kind, e.Level, e.Requirements, e.Vacancies, false, e.RegisteredAt, null),
        (not null, PositionRequirementsChanged e) => snapshot with { Requirements = e.Requirements },
        (not null, PositionVacanciesChanged e) => snapshot with { Vacancies = e.Vacancies },
        (not null, PositionRetired e) => snapshot with { Retired = true, RetiredAt = e.RetiredAt },
        _ => throw new InvalidDataException($"{@event.GetType().Name} does not apply to position record {snapshot?.Code}."),
    };
}

public sealed record PositionFilter(string? UnitCode, bool? Vacant, string? AfterCode, int Limit);

public interface IPositionDirectory
{
    Task<PositionRecord?> Find(string code, CancellationToken ct);

    /// <summary>Ordered by code; keyset paging after <see cref="PositionFilter.AfterCode"/>.</summary>
    Task<IReadOnlyList<PositionRecord>> List(PositionFilter filter, CancellationToken ct);
}
