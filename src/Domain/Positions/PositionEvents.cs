using Kinerja.Domain.Employees;

namespace Kinerja.Domain.Positions;

/// <summary>A competency the position asks for and the lowest level (1-5) that meets it.</summary>
public sealed record RequiredCompetency(string Code, int MinLevel);

/// <summary>
/// A jabatan (position) in a unit, with the competencies it requires and how many of its seats are
/// vacant (lowongan); the stream id is derived from the code, so a code is registered once.
/// </summary>
public sealed record PositionRegistered(
    Guid PositionId,
    string Code,
    string Name,
    Guid UnitId,
    string UnitCode,
    PositionKind Kind,
    PositionLevel? Level,
    IReadOnlyList<RequiredCompetency> Requirements,
    int Vacancies,
    DateTimeOffset RegisteredAt);

/// <summary>The whole new list of requirements (standar kompetensi jabatan revised); the old one stays in the history.</summary>
public sealed record PositionRequirementsChanged(Guid PositionId, IReadOnlyList<RequiredCompetency> Requirements, DateTimeOffset ChangedAt);

/// <summary>Seats opened (a holder left, a formation was added) or filled: the new count of vacant seats.</summary>
public sealed record PositionVacanciesChanged(Guid PositionId, int PreviousVacancies, int Vacancies, DateTimeOffset ChangedAt);

/// <summary>The position no longer exists (reorganisation); it stays readable but takes no more changes or candidates.</summary>
public sealed record PositionRetired(Guid PositionId, DateTimeOffset RetiredAt);
