using Kinerja.Domain.Employees;
using Kinerja.Domain.Units;

namespace Kinerja.Tools.Generating;

/// <summary>
/// Units and their ASN as BKPSDM would load them: heads first, then managers and staff, each with a
/// superior and (for most) a competency assessment. The registry goes live in December 2024.
/// </summary>
internal sealed class RegistryStage : ICityStage
{
    private static readonly DateOnly GoLive = new(2024, 12, 2);
    internal static readonly string[] Competencies =
        ["MANAJERIAL.INTEGRITAS", "MANAJERIAL.KERJASAMA", "MANAJERIAL.KOMUNIKASI", "MANAJERIAL.ORIENTASI-HASIL", "SOSIOKULTURAL.PEREKAT-BANGSA"];

    public string Name => "registry";

    public async Task Run(City city, CityWriter writer, CancellationToken ct)
    {
        foreach (var spec in AmbonUnits.For(city.Size))
        {
            var parent = spec.ParentCode is { } code ? city.Unit(code).State : null;
            var events = UnitDecisions.Register(null, spec.Code, spec.Name, parent, city.Chance.During(GoLive));
            var unit = new CityUnit(spec, City.Fold<UnitKerja>(UnitKerja.Evolve, null, events));
            city.Units.Add(unit);
            await writer.Start<UnitKerja>(unit.State.Id, events, ct);
        }

        var staff = Headcounts(city);
        var heads = new Dictionary<string, CityEmployee>(StringComparer.Ordinal);
        foreach (var unit in city.Units)
        {
            var superior = unit.Spec.ParentCode is { } parent ? heads[parent] : unit.Spec.Kind == UnitKind.Setda ? null : heads["SETDA"];
            heads[unit.Spec.Code] = await Register(city, writer, unit, Rank.Head, superior, ct);
        }

        for (var i = 0; i < city.Units.Count; i++)
        {
            var unit = city.Units[i];
            var managers = new List<CityEmployee>();
            var managerCount = unit.Spec.Kind is UnitKind.Setda or UnitKind.Opd or UnitKind.Kecamatan ? staff[i] / 10 : 0;
            for (var m = 0; m < managerCount; m++)
            {
                managers.Add(await Register(city, writer, unit, Rank.Manager, heads[unit.Spec.Code], ct));
            }

            for (var s = 0; s < staff[i] - managerCount; s++)
            {
                var superior = managers.Count > 0 ? managers[s % managers.Count] : heads[unit.Spec.Code];
                await Register(city, writer, unit, Rank.Staff, superior, ct);
            }
        }
    }

    /// <summary>Staff (beyond the head) per unit, drawn by the units' weights.</summary>
    private static int[] Headcounts(City city)
    {
        var counts = new int[city.Units.Count];
        var total = city.Units.Sum(u => u.Spec.Weight);
        for (var n = 0; n < city.Size - city.Units.Count; n++)
        {
            var draw = city.Chance.Between(0, 1_000_000) / 1_000_000.0 * total;
            var i = 0;
            while (i < counts.Length - 1 && (draw -= city.Units[i].Spec.Weight) > 0)
            {
                i++;
            }

            counts[i]++;
        }

        return counts;
    }

    private static async Task<CityEmployee> Register(City city, CityWriter writer, CityUnit unit, Rank rank, CityEmployee? superior, CancellationToken ct)
    {
        var chance = city.Chance;
        var (position, work) = Positions.For(chance, unit.Spec, rank);
        var type = rank == Rank.Staff && chance.Percent(work is WorkKind.Guru or WorkKind.Kesehatan ? 0.35 : 0.15) ? EmploymentType.PPPK : EmploymentType.PNS;
        var female = Credentials.Female(chance, position, work);
        var (bornFrom, bornTo) = rank switch { Rank.Head => (1966, 1980), Rank.Manager => (1968, 1985), _ => (1968, 2000) };
        var (nip, start) = People.Nip(chance, type, female, bornFrom, bornTo, city.Nips);
        var input = new NewEmployee(nip, People.FullName(chance, female, Credentials.For(chance, position, unit.Spec)), type, position, People.Golongan(chance, type, position), start);

        var at = chance.During(chance.DayBetween(GoLive, GoLive.AddDays(11)));
        var supervisorOnStart = superior is not null && superior.State.EmployedOn(start) ? superior.State : null;
        var events = EmployeeDecisions.Register(chance.Guid(), input, unit.State, supervisorOnStart, at).ToList();
        var state = City.Fold<Employee>(Employee.Evolve, null, events);
        if (superior is not null && supervisorOnStart is null)
        {
            // The superior joined after this employee: the registry records them from the day it is loaded (who supervised
            // the employee before is not known to it, and a supervisor dated years back would be a late entry). The city is
            // built from the top down, so nobody above the superior can be this new employee: the chain above is not walked.
            var from = DateOnly.FromDateTime(at.DateTime);
            events.AddRange(Decide(ref state, s => EmployeeDecisions.ChangeSupervisor(s, superior.State, [], from, at)));
        }

        var talent = 1.02 + 0.09 * chance.Normal();
        var conduct = 0.6 * (talent - 1.02) / 0.09 + 0.8 * chance.Normal();
        if (chance.Percent(0.75))
        {
            var assessed = chance.DayBetween(new DateOnly(2025, 3, 3), new DateOnly(2025, 10, 31));
            IReadOnlyList<CompetencyLevel> levels = [.. Competencies.Append(Technical(work))
                .Select(code => new CompetencyLevel(code, Math.Clamp((int)Math.Round(3 + 0.7 * conduct + 0.6 * chance.Normal()), 1, 5)))
                .OrderBy(c => c.Code, StringComparer.Ordinal)];
            var mean = levels.Average(l => l.Level);
            var potential = mean >= 3.5 ? Potential.Tinggi : mean >= 2.8 ? Potential.Menengah : Potential.Rendah;
            events.AddRange(Decide(ref state, s => EmployeeDecisions.RecordCompetencyAssessment(
                s, levels, potential, assessed, "UPT Penilaian Kompetensi BKPSDM Kota Ambon", chance.During(assessed.AddDays(chance.Between(3, 20))))));
        }

        await writer.Start<Employee>(state.Id, events, ct);
        var employee = new CityEmployee(state, input.FullName, unit, work, superior, talent, conduct);
        superior?.Subordinates.Add(employee);
        city.Employees.Add(employee);
        return employee;
    }

    public static string Technical(WorkKind work) => work switch
    {
        WorkKind.Guru => "TEKNIS.PEMBELAJARAN",
        WorkKind.Kesehatan => "TEKNIS.PELAYANAN-KESEHATAN",
        WorkKind.Kewilayahan => "TEKNIS.PELAYANAN-PUBLIK",
        WorkKind.Pimpinan => "MANAJERIAL.KEPEMIMPINAN",
        _ => "TEKNIS.ADMINISTRASI",
    };

    private static IReadOnlyList<object> Decide(ref Employee state, Func<Employee, IReadOnlyList<object>> decide)
    {
        var events = decide(state);
        state = City.Fold(Employee.Evolve, state, events);
        return events;
    }
}
