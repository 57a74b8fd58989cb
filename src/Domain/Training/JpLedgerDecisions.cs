namespace Kinerja.Domain.Training;

/// <summary>Lesson hours: a maximum (the PPPK cap) is checked when hours are planned and again when the hours attended are reported.</summary>
public static class JpLedgerDecisions
{
    public static IReadOnlyList<object> Plan(JpLedger? ledger, Guid employeeId, JpRule rule, Guid grantId, int year, int jp, DateTimeOffset now)
    {
        if (ledger?.For(grantId) is not null)
        {
            return [];
        }

        EnsureWithinCap(ledger, rule, year, jp);
        return [new JpPlanned(JpLedger.IdFor(employeeId), employeeId, grantId, year, jp, now)];
    }

    public static IReadOnlyList<object> Withdraw(JpLedger? ledger, Guid grantId, DateTimeOffset now) =>
        ledger?.For(grantId) is { Completed: false } ? [new JpPlanWithdrawn(ledger.Id, grantId, now)] : [];

    public static IReadOnlyList<object> Complete(JpLedger? ledger, Guid employeeId, JpRule rule, Guid grantId, int year, int attended, DateTimeOffset now)
    {
        var entry = ledger?.For(grantId);
        if (entry is { Completed: true })
        {
            return [];
        }

        EnsureWithinCap(ledger, rule, year, attended - (entry?.Jp ?? 0));
        return [new JpCompleted(JpLedger.IdFor(employeeId), employeeId, grantId, year, attended, now)];
    }

    private static void EnsureWithinCap(JpLedger? ledger, JpRule rule, int year, int additional)
    {
        var used = ledger?.Committed(rule.Basis, year) ?? 0;
        if (rule.Limit == JpLimit.Maximum && used + additional > rule.Jp)
        {
            throw new DomainRuleViolation("jp-cap-exceeded",
                $"A {rule.EmploymentType} may have at most {rule.Jp} JP {(rule.Basis == JpBasis.PerContract ? "over the contract" : "a year")}; {used} are already planned or completed.",
                new Dictionary<string, object> { ["capJp"] = rule.Jp, ["usedJp"] = used, ["remainingJp"] = Math.Max(0, rule.Jp - used) });
        }
    }
}
