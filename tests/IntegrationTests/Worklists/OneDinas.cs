using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Worklists;

/// <summary>
/// A dinas of its own with one school under it, both with heads in the registry: sekda → kepala dinas → kepala sekolah → two guru, and a
/// started semester over the dinas with every appraisal opened. Units of its own, so tests of one class never meet.
/// </summary>
public sealed record OneDinas(string Dinas, string School, string Sekda, string KepalaDinas, string KepalaSekolah, string Guru1, string Guru2, Guid Cycle)
{
    public static async Task<OneDinas> Build(ClockedApp app, bool opened = true)
    {
        var admin = app.As(Roles.HrAdmin);
        var dinas = await admin.NewUnit();
        var school = await admin.NewUnit(dinas);
        var sekda = await admin.Employee(dinas);
        var kepalaDinas = await admin.Employee(dinas, supervisorNip: sekda);
        var kepalaSekolah = await admin.Employee(school, supervisorNip: kepalaDinas);
        var guru1 = await admin.Employee(school, supervisorNip: kepalaSekolah);
        var guru2 = await admin.Employee(school, supervisorNip: kepalaSekolah);
        (await admin.Post(Routes.Units.HeadAssignments(dinas), new { headNip = kepalaDinas, effectiveOn = "2026-01-02" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.Post(Routes.Units.HeadAssignments(school), new { headNip = kepalaSekolah, effectiveOn = "2026-01-02" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var cycle = await admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [dinas]);
        if (opened)
        {
            (await admin.Post(Routes.Cycles.AppraisalOpenings(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        return new OneDinas(dinas, school, sekda, kepalaDinas, kepalaSekolah, guru1, guru2, cycle);
    }

    public string Appraisal(string nip) => Routes.Appraisals.One(Cycle, nip);
}
