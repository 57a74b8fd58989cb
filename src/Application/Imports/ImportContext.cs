using Kinerja.Application.Employees;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Positions;
using Kinerja.Domain.Units;

namespace Kinerja.Application.Imports;

/// <summary>
/// What an import knows of the registry: looked up a batch at a time by indexed keys, and overlaid with what earlier rows of the same
/// file decided, so a row may name a unit, position or superior registered a few lines above it.
/// </summary>
public sealed class ImportContext(IImportStore store)
{
    private readonly Dictionary<string, UnitKerja?> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Jabatan?> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmployeeEntry?> _byNip = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, EmployeeEntry> _byId = [];
    private readonly HashSet<string> _formerNips = new(StringComparer.Ordinal);

    public UnitKerja? Unit(string code) => _units.GetValueOrDefault(UnitKerja.Canonical(code));

    public Jabatan? Position(string code) => _positions.GetValueOrDefault(code.Trim().ToUpperInvariant());

    public EmployeeEntry? Employee(string nip) => _byNip.GetValueOrDefault(nip);

    /// <summary>Registered now, registered under it before a NIP correction, or registered by an earlier row of the file.</summary>
    public bool NipTaken(string nip) => Employee(nip) is not null || _formerNips.Contains(nip);

    public void Decided(UnitKerja unit) => _units[unit.Code] = unit;

    public void Decided(Jabatan position) => _positions[position.Code] = position;

    public void Decided(EmployeeEntry entry)
    {
        _byNip[entry.State.Nip] = entry;
        _byId[entry.State.Id] = entry;
    }

    public async Task LoadUnits(IEnumerable<string?> codes, CancellationToken ct)
    {
        var missing = codes.OfType<string>().Select(UnitKerja.Canonical).Where(c => c.Length > 0 && !_units.ContainsKey(c)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var found = (await store.Units(missing, ct)).ToDictionary(u => u.Code, StringComparer.Ordinal);
        missing.ForEach(code => _units[code] = found.GetValueOrDefault(code));
    }

    public async Task LoadPositions(IEnumerable<string?> codes, CancellationToken ct)
    {
        var missing = codes.OfType<string>().Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0 && !_positions.ContainsKey(c)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var found = (await store.Positions(missing, ct)).ToDictionary(p => p.Code, StringComparer.Ordinal);
        missing.ForEach(code => _positions[code] = found.GetValueOrDefault(code));
    }

    /// <param name="taken">Also look up former NIPs (a registration may not take one).</param>
    public async Task LoadEmployees(IEnumerable<string?> nips, bool taken, CancellationToken ct)
    {
        var missing = nips.OfType<string>().Select(n => n.Trim()).Where(n => n.Length > 0 && !_byNip.ContainsKey(n)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var found = (await store.EmployeesByNip(missing, ct)).ToDictionary(e => e.State.Nip, StringComparer.Ordinal);
        foreach (var nip in missing)
        {
            _byNip[nip] = found.GetValueOrDefault(nip);
            if (found.TryGetValue(nip, out var entry))
            {
                _byId[entry.State.Id] = entry;
            }
        }

        if (taken)
        {
            _formerNips.UnionWith(await store.FormerNips(missing, ct));
        }
    }

    /// <summary>Loads the lines of superiors above these employees on their dates, a level at a time, so <see cref="ChainAbove"/> reads memory only.</summary>
    public async Task LoadChains(IReadOnlyList<(string Nip, DateOnly On)> from, CancellationToken ct)
    {
        var frontier = from.Select(f => (Employee(f.Nip)?.State, f.On)).Where(f => f.State is not null).ToList();
        for (var depth = 0; depth < SupervisorChain.MaxDepth && frontier.Count > 0; depth++)
        {
            var above = frontier.Select(f => (Id: f.State!.SupervisorOn(f.On)?.SupervisorId, f.On)).Where(a => a.Id is not null).ToList();
            var missing = above.Select(a => a.Id!.Value).Where(id => !_byId.ContainsKey(id)).Distinct().ToList();
            if (missing.Count > 0)
            {
                foreach (var entry in await store.EmployeesById(missing, ct))
                {
                    _byId[entry.State.Id] = entry;
                    _byNip.TryAdd(entry.State.Nip, entry);
                }
            }

            frontier = [.. above.Where(a => _byId.ContainsKey(a.Id!.Value)).Select(a => ((Employee?)_byId[a.Id!.Value].State, a.On))];
        }
    }

    /// <summary>The superiors above <paramref name="supervisor"/> on the date, from memory (see <see cref="LoadChains"/>).</summary>
    public Task<IReadOnlyList<Guid>> ChainAbove(Employee? supervisor, DateOnly on) =>
        SupervisorChain.Walk(supervisor, on, id => ValueTask.FromResult(_byId.GetValueOrDefault(id)?.State));
}
