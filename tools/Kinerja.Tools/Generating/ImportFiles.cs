using System.Globalization;
using System.Text;
using Kinerja.Domain.Employees;

namespace Kinerja.Tools.Generating;

/// <summary>
/// The city's registry as BKPSDM's spreadsheets would hold it (docs/imports.md): a units file (parents first) and an employees file
/// with each unit's head first and every other ASN reporting to the head, from the same generator as the city.
/// </summary>
public static class ImportFiles
{
    public static (string Units, string Employees) For(int employees, int seed)
    {
        var chance = new Chance(seed);
        var specs = AmbonUnits.For(employees);
        var units = new StringBuilder("kode,nama,kode_induk\n");
        foreach (var spec in specs)
        {
            units.Append(CultureInfo.InvariantCulture, $"{spec.Code},{Cell(spec.Name)},{spec.ParentCode}\n");
        }

        var rows = new StringBuilder("nip,nama,status_asn,golongan,jabatan,jenis_jabatan,jenjang,unit,tmt,nip_atasan\n");
        var nips = new HashSet<string>(StringComparer.Ordinal);
        var heads = new Dictionary<string, (string Nip, DateOnly Start)>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            heads[spec.Code] = Row(rows, chance, spec, Rank.Head, spec.ParentCode is { } parent ? heads[parent] : null, nips);
        }

        var total = specs.Sum(s => s.Weight);
        for (var n = specs.Count; n < employees; n++)
        {
            var draw = chance.Between(0, 1_000_000) / 1_000_000.0 * total;
            var i = 0;
            while (i < specs.Count - 1 && (draw -= specs[i].Weight) > 0)
            {
                i++;
            }

            Row(rows, chance, specs[i], Rank.Staff, heads[specs[i].Code], nips);
        }

        return (units.ToString(), rows.ToString());
    }

    private static (string Nip, DateOnly Start) Row(
        StringBuilder rows, Chance chance, UnitSpec unit, Rank rank, (string Nip, DateOnly Start)? superior, HashSet<string> nips)
    {
        var (position, work) = Positions.For(chance, unit, rank);
        var type = rank == Rank.Staff && chance.Percent(0.2) ? EmploymentType.PPPK : EmploymentType.PNS;
        var female = Credentials.Female(chance, position, work);
        var (nip, start) = People.Nip(chance, type, female, rank == Rank.Head ? 1966 : 1968, rank == Rank.Head ? 1980 : 2000, nips);
        var name = People.FullName(chance, female, Credentials.For(chance, position, unit));
        // A superior who joined after the employee did not supervise them from their start (the registration refuses it): left empty,
        // as the superior links file would then name them from a later date.
        var atasan = superior is { } s && s.Start <= start ? s.Nip : "";
        rows.Append(CultureInfo.InvariantCulture,
            $"{nip},{Cell(name)},{type},{People.Golongan(chance, type, position)},{Cell(position.Title)},{position.Kind},{position.Level},{unit.Code},{start:yyyy-MM-dd},{atasan}\n");
        return (nip, start);
    }

    private static string Cell(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
