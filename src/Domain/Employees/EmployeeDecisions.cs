using Kinerja.Domain.Units;

namespace Kinerja.Domain.Employees;

public sealed record NewEmployee(
    string Nip,
    string FullName,
    EmploymentType EmploymentType,
    Position Position,
    string? Golongan,
    DateOnly StartDate);

/// <summary>Pure decisions of the employee registry: (state, input, now) -> events, or a DomainRuleViolation.</summary>
public static class EmployeeDecisions
{
    public static IReadOnlyList<object> Register(Guid id, NewEmployee input, UnitKerja unit, Employee? supervisor, DateTimeOffset now)
    {
        if (supervisor is not null)
        {
            EnsureCanSupervise(supervisor, input.StartDate);
        }

        return
        [
            new EmployeeRegistered(
                id, input.Nip, input.FullName.Trim(), input.EmploymentType, unit.Id, unit.Code, input.Position,
                input.Golongan, supervisor?.Id, supervisor?.Nip, input.StartDate, now),
        ];
    }

    public static IReadOnlyList<object> Transfer(Employee employee, UnitKerja unit, Position position, string? golongan, DateOnly effectiveOn, DateTimeOffset now)
    {
        EnsureActive(employee);
        EnsureNotBeforeStart(employee, effectiveOn);
        if (Golongan.Problem(employee.EmploymentType, golongan) is { } problem)
        {
            throw new DomainRuleViolation("golongan-invalid", problem.English);
        }

        var current = employee.PlacementOn(effectiveOn);
        return current is not null && current.UnitId == unit.Id && current.Position == position && current.Golongan == golongan
            ? []
            : [new EmployeeTransferred(employee.Id, unit.Id, unit.Code, position, golongan, effectiveOn, now)];
    }

    /// <param name="chainAbove">The proposed supervisor's own superiors on the effective date, nearest first.</param>
    public static IReadOnlyList<object> ChangeSupervisor(
        Employee employee, Employee? supervisor, IReadOnlyList<Guid> chainAbove, DateOnly effectiveOn, DateTimeOffset now,
        SupervisorBasis basis = SupervisorBasis.Named)
    {
        EnsureActive(employee);
        EnsureNotBeforeStart(employee, effectiveOn);
        if (supervisor is not null)
        {
            if (supervisor.Id == employee.Id)
            {
                throw new DomainRuleViolation("self-supervision", "An employee cannot be their own supervisor (pejabat penilai).");
            }

            if (chainAbove.Contains(employee.Id))
            {
                throw new DomainRuleViolation(
                    "supervision-cycle", $"{supervisor.Nip} is below {employee.Nip} in the line of superiors on {effectiveOn:yyyy-MM-dd}; the line would go round in a circle.");
            }

            EnsureCanSupervise(supervisor, effectiveOn);
        }

        return employee.SupervisorOn(effectiveOn)?.SupervisorId == supervisor?.Id
            ? []
            : [new SupervisorChanged(employee.Id, supervisor?.Id, supervisor?.Nip, effectiveOn, now, basis)];
    }

    /// <param name="superior">The official acted for: the superior of those whose rater or approver acts the acting official may do.</param>
    public static IReadOnlyList<object> AssignActing(Employee superior, Employee acting, ActingKind kind, DateOnly from, DateOnly to, DateTimeOffset now)
    {
        EnsureActive(superior);
        if (acting.Id == superior.Id)
        {
            throw new DomainRuleViolation("acting-for-self", "An official cannot act for themselves; name another employee as Plt/Plh.");
        }

        if (to < from)
        {
            throw new DomainRuleViolation("acting-period-invalid", "The acting period must end on or after it starts.");
        }

        EnsureCanSupervise(acting, from);
        EnsureCanSupervise(acting, to);
        var period = new ActingPeriod(acting.Id, acting.Nip, kind, from, to);
        return (superior.ActingOfficials ?? []).Contains(period)
            ? []
            : [new ActingOfficialAssigned(superior.Id, acting.Id, acting.Nip, kind, from, to, now)];
    }

    /// <summary>A PPPK agreement; one that starts after an earlier one ended is its renewal. The same agreement again changes nothing.</summary>
    public static IReadOnlyList<object> RecordContract(Employee employee, string reference, DateOnly startsOn, DateOnly endsOn, DateTimeOffset now)
    {
        EnsureActive(employee);
        if (employee.EmploymentType != EmploymentType.PPPK)
        {
            throw new DomainRuleViolation("contract-not-pppk", $"{employee.Nip} is a {employee.EmploymentType}; only a PPPK has a work agreement.");
        }

        EnsureNotBeforeStart(employee, startsOn);
        if (endsOn < startsOn.AddYears(PppkContract.MinimumYears).AddDays(-1))
        {
            throw new DomainRuleViolation("contract-too-short", $"A PPPK agreement runs at least {PppkContract.MinimumYears} year (PP 49/2018 art. 37).");
        }

        var contracts = employee.Contracts ?? [];
        if (contracts.Any(c => c.Reference == reference.Trim() && c.StartsOn == startsOn && c.EndsOn == endsOn))
        {
            return [];
        }

        if (contracts.FirstOrDefault(c => c.StartsOn <= endsOn && c.EndsOn >= startsOn) is { } overlapping)
        {
            throw new DomainRuleViolation("contract-overlaps",
                $"Agreement {overlapping.Reference} already runs {overlapping.StartsOn:yyyy-MM-dd} to {overlapping.EndsOn:yyyy-MM-dd}; agreements follow one another.");
        }

        return [new ContractRecorded(employee.Id, reference.Trim(), startsOn, endsOn, contracts.Any(c => c.EndsOn < startsOn), now)];
    }

    public static IReadOnlyList<object> CorrectNip(Employee employee, string nip, string reason, DateTimeOffset now)
    {
        EnsureActive(employee);
        return employee.Nip == nip ? [] : [new NipCorrected(employee.Id, employee.Nip, nip, reason.Trim(), now)];
    }

    public static IReadOnlyList<object> RecordCompetencyAssessment(
        Employee employee, IReadOnlyList<CompetencyLevel> competencies, Potential potential, DateOnly assessedOn, string assessedBy, DateTimeOffset now)
    {
        EnsureActive(employee);
        var latest = employee.LatestAssessment;
        var repeated = latest is not null && latest.AssessedOn == assessedOn && latest.Potential == potential
            && latest.AssessedBy == assessedBy.Trim() && latest.Competencies.SequenceEqual(competencies);
        return repeated ? [] : [new CompetencyAssessed(employee.Id, competencies, potential, assessedOn, assessedBy.Trim(), now)];
    }

    public static IReadOnlyList<object> EndEmployment(Employee employee, EmploymentEndReason reason, DateOnly effectiveOn, DateTimeOffset now)
    {
        if (employee.EndedOn is { } ended)
        {
            return ended == effectiveOn
                ? []
                : throw new DomainRuleViolation("employment-ended", $"Employment already ended on {ended:yyyy-MM-dd}.");
        }

        EnsureNotBeforeStart(employee, effectiveOn);
        return [new EmploymentEnded(employee.Id, reason, effectiveOn, now)];
    }

    private static void EnsureActive(Employee employee)
    {
        if (employee.EndedOn is { } ended)
        {
            throw new DomainRuleViolation("employment-ended", $"Employment ended on {ended:yyyy-MM-dd}; the record is closed to changes.");
        }
    }

    private static void EnsureNotBeforeStart(Employee employee, DateOnly effectiveOn)
    {
        if (effectiveOn < employee.StartDate)
        {
            throw new DomainRuleViolation("effective-before-start", $"The effective date is before the employment start ({employee.StartDate:yyyy-MM-dd}).");
        }
    }

    private static void EnsureCanSupervise(Employee supervisor, DateOnly on)
    {
        if (!supervisor.EmployedOn(on))
        {
            throw new DomainRuleViolation("supervisor-not-employed", $"The supervisor {supervisor.Nip} is not employed on {on:yyyy-MM-dd}.");
        }
    }
}
