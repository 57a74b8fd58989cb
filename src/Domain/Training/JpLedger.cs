namespace Kinerja.Domain.Training;

/// <summary>The JP one grant accounts for: planned until completed, then the JP actually attended.</summary>
/// <param name="ContractYear">The PPPK agreement year (its start) the hours count in; null for a PNS or without a recorded agreement.</param>
public sealed record JpEntry(Guid GrantId, int Year, int Jp, bool Completed, DateOnly? ContractYear = null);

/// <summary>
/// An employee's lesson-hour account. It is a stream of its own so that a cap (PPPK) is checked
/// against every grant of the employee under the event store's version check, like the budget.
/// </summary>
public sealed record JpLedger(Guid Id, Guid EmployeeId, IReadOnlyList<JpEntry> Entries)
{
    public JpEntry? For(Guid grantId) => Entries.FirstOrDefault(e => e.GrantId == grantId);

    /// <summary>Planned plus completed JP counted against a rule: the calendar year, or the agreement year (all entries without one
    /// count together, as before agreements were recorded).</summary>
    public int Committed(JpBasis basis, int year, DateOnly? contractYear = null) => Counted(basis, year, contractYear).Sum(e => e.Jp);

    public IEnumerable<JpEntry> Counted(JpBasis basis, int year, DateOnly? contractYear) =>
        Entries.Where(e => basis == JpBasis.PerContractYear ? e.ContractYear == contractYear : e.Year == year);

    public static Guid IdFor(Guid employeeId) => StreamKey.Of($"kinerja/jp-ledger/{employeeId:N}");

    public static JpLedger Evolve(JpLedger? state, object @event) => (state, @event) switch
    {
        (_, JpPlanned e) => Put(state ?? new JpLedger(e.LedgerId, e.EmployeeId, []), new JpEntry(e.GrantId, e.Year, e.Jp, false, e.ContractYear)),
        (not null, JpPlanWithdrawn e) => state with { Entries = [.. state.Entries.Where(x => x.GrantId != e.GrantId)] },
        (_, JpCompleted e) => Put(state ?? new JpLedger(e.LedgerId, e.EmployeeId, []), new JpEntry(e.GrantId, e.Year, e.Jp, true, e.ContractYear)),
        _ => throw new InvalidDataException($"{@event.GetType().Name} does not apply to JP ledger {(state is null ? "before its first entry" : state.Id)}."),
    };

    private static JpLedger Put(JpLedger ledger, JpEntry entry) =>
        ledger with { Entries = [.. ledger.Entries.Where(x => x.GrantId != entry.GrantId), entry] };
}
