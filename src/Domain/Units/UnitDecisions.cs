namespace Kinerja.Domain.Units;

public static class UnitDecisions
{
    /// <summary>Creating what exists is refused; retries of one request are answered by its Idempotency-Key.</summary>
    public static IReadOnlyList<object> Register(UnitKerja? existing, string code, string name, UnitKerja? parent, DateTimeOffset now)
    {
        if (existing is not null)
        {
            throw new DomainRuleViolation("unit-already-registered", $"Unit {existing.Code} is already registered.");
        }

        var normalised = UnitKerja.Canonical(code);
        return [new UnitRegistered(UnitKerja.IdFor(normalised), normalised, name.Trim(), parent?.Id, now)];
    }

    public static IReadOnlyList<object> Rename(UnitKerja unit, string name, DateTimeOffset now) =>
        unit.Name == name.Trim() ? [] : [new UnitRenamed(unit.Id, name.Trim(), now)];

    /// <summary>The same head from the same date again changes nothing; a head is employed on the date they take the unit.</summary>
    public static IReadOnlyList<object> AssignHead(UnitKerja unit, Employees.Employee? head, DateOnly effectiveOn, DateTimeOffset now)
    {
        if (head is not null && !head.EmployedOn(effectiveOn))
        {
            throw new DomainRuleViolation("head-not-employed", $"{head.Nip} is not employed on {effectiveOn:yyyy-MM-dd}.");
        }

        return unit.HeadOn(effectiveOn) is { } current && current.EffectiveFrom == effectiveOn && current.HeadId == head?.Id
            ? []
            : [new UnitHeadAssigned(unit.Id, head?.Id, head?.Nip, effectiveOn, now)];
    }
}
