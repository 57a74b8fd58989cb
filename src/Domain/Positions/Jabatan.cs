using System.Security.Cryptography;
using System.Text;
using Kinerja.Domain.Employees;

namespace Kinerja.Domain.Positions;

/// <summary>A jabatan (position) as its decisions see it.</summary>
public sealed record Jabatan(
    Guid Id,
    string Code,
    string UnitCode,
    PositionKind Kind,
    IReadOnlyList<RequiredCompetency> Requirements,
    int Vacancies,
    bool Retired)
{
    public const int MaxNameLength = 200;
    public const int MaxVacancies = 1000;
    public const int MaxRequirements = 30;

    public bool Vacant => !Retired && Vacancies > 0;

    /// <summary>Derived from the code, so two registrations of one code race for the same stream and only one starts it.</summary>
    public static Guid IdFor(string code)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("kinerja/position/" + code.Trim().ToUpperInvariant()));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static Jabatan Evolve(Jabatan? state, object @event) => (state, @event) switch
    {
        (null, PositionRegistered e) => new Jabatan(e.PositionId, e.Code, e.UnitCode, e.Kind, e.Requirements, e.Vacancies, false),
        (not null, PositionRequirementsChanged e) => state with { Requirements = e.Requirements },
        (not null, PositionVacanciesChanged e) => state with { Vacancies = e.Vacancies },
        (not null, PositionRetired) => state with { Retired = true },
        _ => throw new InvalidDataException($"{@event.GetType().Name} does not apply to position state {(state is null ? "before registration" : state.Code)}."),
    };
}
