using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using Marten.Events;

namespace Kinerja.IntegrationTests.Talent;

public sealed record Guru(string Nip, int[]? Levels, string? Potential, string Results, string Behaviour);

/// <summary>
/// One school with seven guru, rated by the kepala sekolah and approved by the kepala dinas in one
/// cycle, with competency levels for PEMBELAJARAN, KERJASAMA and INTEGRITAS (G6 never assessed).
/// Built once per class: the talent grid and the candidates tests read the same hand-computed unit.
/// </summary>
public sealed class TalentScenario : ClockedApp, IAsyncLifetime
{
    public static readonly string[] Codes = ["TEKNIS.PEMBELAJARAN", "MANAJERIAL.KERJASAMA", "MANAJERIAL.INTEGRITAS"];

    public string School { get; private set; } = "";

    public Guid Cycle { get; private set; }

    public string KepalaSekolah { get; private set; } = "";

    public Dictionary<string, Guru> Gurus { get; } = [];

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var admin = As(Roles.HrAdmin);
        var (school, kepalaDinas, kepalaSekolah, _) = await admin.School();
        School = school;
        KepalaSekolah = kepalaSekolah;
        Cycle = await admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [school]);
        var rater = As(Roles.Supervisor, kepalaSekolah);
        var approver = As(Roles.Supervisor, kepalaDinas);

        (string Name, int[]? Levels, string? Potential, string Results, string Behaviour)[] plan =
        [
            ("G1", [4, 3, 4], "Tinggi", "DiAtasEkspektasi", "DiAtasEkspektasi"),
            ("G2", [3, 3, 4], "Menengah", "SesuaiEkspektasi", "SesuaiEkspektasi"),
            ("G3", [3, 4, 5], "Menengah", "SesuaiEkspektasi", "DiAtasEkspektasi"),
            ("G4", [5, 2, 4], "Tinggi", "DiBawahEkspektasi", "SesuaiEkspektasi"),
            ("G5", [3, 3, 2], "Rendah", "DiAtasEkspektasi", "DiAtasEkspektasi"),
            ("G6", null, null, "SesuaiEkspektasi", "DiAtasEkspektasi"),
            ("G7", [3, 3, 4], "Rendah", "SesuaiEkspektasi", "SesuaiEkspektasi"),
        ];
        foreach (var (name, levels, potential, results, behaviour) in plan)
        {
            var nip = await admin.Employee(school, supervisorNip: kepalaSekolah);
            Gurus[name] = new Guru(nip, levels, potential, results, behaviour);
            if (levels is not null)
            {
                await Assess(admin, nip, levels, potential!, "2026-03-12");
            }

            await admin.Open(Cycle, nip);
            await As(Roles.Employee, nip).AgreedPlan(rater, Appraisal(nip));
        }

        // Recorded last but dated earlier: the latest assessment is the latest by date, so this one is ignored.
        await Assess(admin, Gurus["G1"].Nip, [1, 1, 1], "Rendah", "2025-01-10");

        (await admin.Post(Routes.Cycles.Evaluation(Cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var guru in Gurus.Values)
        {
            var evaluated = await rater.Post($"{Appraisal(guru.Nip)}/evaluation",
                new
                {
                    results = guru.Results, behaviour = guru.Behaviour, justification = "Sesuai bukti kinerja semester",
                    unrealisedJustification = "Bukti kinerja semester dinilai dari supervisi kelas, di luar aplikasi",
                });
            evaluated.StatusCode.Should().Be(HttpStatusCode.OK, await evaluated.Content.ReadAsStringAsync());
            var approved = await approver.Post($"{Appraisal(guru.Nip)}/evaluation/approval", new { });
            approved.StatusCode.Should().Be(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        }

        await TalentCaughtUp();
    }

    /// <summary>The talent profiles are an async projection: wait for the daemon to reach the last event, never sleep.</summary>
    public Task TalentCaughtUp() => Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

    public string Appraisal(string nip) => Routes.Appraisals.One(Cycle, nip);

    public static async Task Assess(HttpClient admin, string nip, int[] levels, string potential, string on)
    {
        var response = await admin.Post(Routes.Employees.CompetencyAssessments(nip), new
        {
            competencies = levels.Select((level, i) => new { code = Codes[i], level }).ToArray(),
            potential,
            assessedOn = on,
            assessedBy = "UPT Penilaian Kompetensi BKPSDM",
        });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
