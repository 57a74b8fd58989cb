namespace Kinerja.Domain.Training;

/// <summary>Lesson hours: a maximum (the PPPK cap) is checked when hours are planned and again when the hours attended are reported.</summary>
public static class JpLedgerDecisions
{
    /// <param name="contractYear">For a PPPK, the start of the agreement year the grant falls in (null without a recorded agreement).</param>
    public static IReadOnlyList<object> Plan(
        JpLedger? ledger, Guid employeeId, JpRule rule, Guid grantId, int year, int jp, DateTimeOffset now, DateOnly? contractYear = null)
    {
        if (ledger?.For(grantId) is not null)
        {
            return [];
        }

        EnsureWithinCap(ledger, rule, year, contractYear, jp);
        return [new JpPlanned(JpLedger.IdFor(employeeId), employeeId, grantId, year, jp, now, Key(rule, contractYear))];
    }

    public static IReadOnlyList<object> Withdraw(JpLedger? ledger, Guid grantId, DateTimeOffset now) =>
        ledger?.For(grantId) is { Completed: false } ? [new JpPlanWithdrawn(ledger.Id, grantId, now)] : [];

    /// <summary>The hours count in the agreement year they were planned in, so a planned grant stays where it was counted.</summary>
    public static IReadOnlyList<object> Complete(
        JpLedger? ledger, Guid employeeId, JpRule rule, Guid grantId, int year, int attended, DateTimeOffset now, DateOnly? contractYear = null)
    {
        var entry = ledger?.For(grantId);
        if (entry is { Completed: true })
        {
            return [];
        }

        var counted = entry is null ? Key(rule, contractYear) : entry.ContractYear;
        EnsureWithinCap(ledger, rule, year, counted, attended - (entry?.Jp ?? 0));
        return [new JpCompleted(JpLedger.IdFor(employeeId), employeeId, grantId, year, attended, now, counted)];
    }

    private static DateOnly? Key(JpRule rule, DateOnly? contractYear) => rule.Basis == JpBasis.PerContractYear ? contractYear : null;

    private static void EnsureWithinCap(JpLedger? ledger, JpRule rule, int year, DateOnly? contractYear, int additional)
    {
        var used = ledger?.Committed(rule.Basis, year, Key(rule, contractYear)) ?? 0;
        if (rule.Limit == JpLimit.Maximum && used + additional > rule.Jp)
        {
            throw new DomainRuleViolation("jp-cap-exceeded",
                $"A {rule.EmploymentType} may have at most {rule.Jp} JP {(rule.Basis == JpBasis.PerContractYear ? "per year of the work agreement" : "a year")}; {used} are already planned or completed.",
                new Dictionary<string, object> { ["capJp"] = rule.Jp, ["usedJp"] = used, ["remainingJp"] = Math.Max(0, rule.Jp - used) });
        }
    }
}
