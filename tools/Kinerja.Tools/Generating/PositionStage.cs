using Kinerja.Domain.Employees;
using Kinerja.Domain.Positions;

namespace Kinerja.Tools.Generating;

/// <summary>
/// The jabatan BKPSDM is filling at the end of the run: one vacant functional or staff position per unit
/// (two in the larger ones), requiring the unit's technical competency and two managerial ones at level 3-4,
/// so candidates and placement recommendations have real answers. Last in the history, so every stream
/// before it stays the same for a seed.
/// </summary>
internal sealed class PositionStage(DateOnly openedOn) : ICityStage
{
    public string Name => "positions";

    public async Task Run(City city, CityWriter writer, CancellationToken ct)
    {
        var chance = city.Chance;
        foreach (var unit in city.Units)
        {
            var staff = city.Employees.Count(e => e.Unit == unit);
            var work = Work(unit.Spec.Kind);
            for (var i = 1; i <= (staff >= 30 ? 2 : 1); i++)
            {
                var (title, kind, level) = Seat(work, i);
                IReadOnlyList<RequiredCompetency> requirements =
                [
                    new(RegistryStage.Technical(work), chance.Between(3, 4)),
                    .. RegistryStage.Competencies.OrderBy(_ => chance.Between(0, 1000)).Take(2).Select(c => new RequiredCompetency(c, chance.Between(3, 4))),
                ];
                var input = new NewPosition($"{unit.Spec.Code}-{i:00}", $"{title} {unit.Spec.Name}", kind, level, requirements, chance.Between(1, 2));
                var events = PositionDecisions.Register(null, input, unit.State, chance.During(openedOn));
                await writer.Start<Jabatan>(Jabatan.IdFor(input.Code), events, ct);
                city.PositionCodes.Add(input.Code);
            }
        }
    }

    private static WorkKind Work(UnitKind kind) => kind switch
    {
        UnitKind.Sekolah => WorkKind.Guru,
        UnitKind.Puskesmas => WorkKind.Kesehatan,
        UnitKind.Kecamatan or UnitKind.Kelurahan => WorkKind.Kewilayahan,
        _ => WorkKind.Administrasi,
    };

    private static (string Title, PositionKind Kind, PositionLevel? Level) Seat(WorkKind work, int seat) => (work, seat) switch
    {
        (WorkKind.Guru, _) => ("Guru Ahli Muda", PositionKind.FungsionalKeahlian, PositionLevel.AhliMuda),
        (WorkKind.Kesehatan, 1) => ("Perawat Mahir", PositionKind.FungsionalKeterampilan, PositionLevel.Mahir),
        (WorkKind.Kesehatan, _) => ("Dokter Ahli Muda", PositionKind.FungsionalKeahlian, PositionLevel.AhliMuda),
        (WorkKind.Kewilayahan, _) => ("Pengelola Layanan Kependudukan", PositionKind.Pelaksana, null),
        (_, 1) => ("Analis Kebijakan Ahli Muda", PositionKind.FungsionalKeahlian, PositionLevel.AhliMuda),
        _ => ("Pranata Komputer Mahir", PositionKind.FungsionalKeterampilan, PositionLevel.Mahir),
    };
}
