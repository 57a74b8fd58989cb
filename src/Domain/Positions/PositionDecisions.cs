using Kinerja.Domain.Employees;
using Kinerja.Domain.Units;

namespace Kinerja.Domain.Positions;

public sealed record NewPosition(string Code, string Name, PositionKind Kind, PositionLevel? Level, IReadOnlyList<RequiredCompetency> Requirements, int Vacancies);

/// <summary>Pure decisions on a jabatan: (state, input, now) -> events, or a DomainRuleViolation.</summary>
public static class PositionDecisions
{
    public static IReadOnlyList<object> Register(Jabatan? existing, NewPosition input, UnitKerja unit, DateTimeOffset now)
    {
        if (existing is not null)
        {
            throw new DomainRuleViolation("position-already-registered", $"Position {existing.Code} is already registered.");
        }

        var code = input.Code.Trim().ToUpperInvariant();
        return
        [
            new PositionRegistered(Jabatan.IdFor(code), code, input.Name.Trim(), unit.Id, unit.Code, input.Kind, input.Level,
                Normalise(input.Requirements), input.Vacancies, now),
        ];
    }

    public static IReadOnlyList<object> ChangeRequirements(Jabatan position, IReadOnlyList<RequiredCompetency> requirements, DateTimeOffset now)
    {
        EnsureNotRetired(position);
        var normalised = Normalise(requirements);
        return position.Requirements.SequenceEqual(normalised) ? [] : [new PositionRequirementsChanged(position.Id, normalised, now)];
    }

    public static IReadOnlyList<object> ChangeVacancies(Jabatan position, int vacancies, DateTimeOffset now)
    {
        EnsureNotRetired(position);
        return position.Vacancies == vacancies ? [] : [new PositionVacanciesChanged(position.Id, position.Vacancies, vacancies, now)];
    }

    public static IReadOnlyList<object> Retire(Jabatan position, DateTimeOffset now) =>
        position.Retired ? [] : [new PositionRetired(position.Id, now)];

    /// <summary>Candidates are sought only for a seat that is open; the reason it is not is the refusal's code.</summary>
    public static void EnsureVacant(Jabatan position)
    {
        EnsureNotRetired(position);
        if (position.Vacancies == 0)
        {
            throw new DomainRuleViolation("position-not-vacant", $"Position {position.Code} has no vacant seat.");
        }
    }

    /// <summary>Codes upper-case and sorted, so the same requirements given in another order or case are the same requirements.</summary>
    private static IReadOnlyList<RequiredCompetency> Normalise(IReadOnlyList<RequiredCompetency> requirements) =>
        [.. requirements.Select(r => r with { Code = r.Code.Trim().ToUpperInvariant() }).OrderBy(r => r.Code, StringComparer.Ordinal)];

    private static void EnsureNotRetired(Jabatan position)
    {
        if (position.Retired)
        {
            throw new DomainRuleViolation("position-retired", $"Position {position.Code} is retired.");
        }
    }
}
