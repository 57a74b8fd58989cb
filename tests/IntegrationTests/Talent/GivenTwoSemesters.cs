using System.Net;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Talent;

/// <summary>
/// A school of five (the kepala sekolah and four guru) through Semester I and II 2026, built once for the class that reads it:
/// Semester I with guru 1 alone; Semester II with the kepala sekolah and four guru, scored as <see cref="SecondScores"/>.
/// Plans agreed (target 10 dokumen), then the rater's scores and one realisation per appraisal.
/// </summary>
public sealed class GivenTwoSemesters : ClockedApp, IAsyncLifetime
{
    public static readonly DateOnly FirstStart = new(2026, 1, 1);
    public static readonly DateOnly SecondStart = new(2026, 7, 1);

    /// <summary>Per appraisal of Semester II: the supervisor's Akuntabel and Kolaboratif scores and the realised dokumen.</summary>
    private static readonly (int Akuntabel, int Kolaboratif, decimal Realised)[] SecondScores =
    [
        (5, 2, 12), // guru 1, the one judged
        (3, 4, 10),
        (4, 4, 9),
        (4, 5, 11),
        (2, 3, 8), // the kepala sekolah, rated by the kepala dinas
    ];

    private HttpClient _admin = null!;

    public SchoolStaff Staff { get; private set; } = null!;

    public string[] Guru { get; private set; } = [];

    public Guid First { get; private set; }

    public Guid Second { get; private set; }

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = As(Roles.HrAdmin);
        var staff = await _admin.School();
        string[] guru = [staff.Guru, .. await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _admin.Employee(staff.Unit, supervisorNip: staff.KepalaSekolah)))];
        (await _admin.Post(Routes.Employees.CompetencyAssessments(guru[0]), new
        {
            competencies = new[] { new { code = "TEKNIS.PEMBELAJARAN", level = 5 }, new { code = "MANAJERIAL.INTEGRITAS", level = 2 } },
            potential = "Menengah",
            assessedOn = "2026-03-12",
            assessedBy = "UPT Penilaian Kompetensi BKPSDM",
        })).StatusCode.Should().Be(HttpStatusCode.OK);

        var first = await _admin.Cycle(FirstStart, new DateOnly(2026, 6, 30), [staff.Unit], closesOn: new DateOnly(2026, 12, 31));
        await _admin.Open(first, guru[0]);
        await Semester(first, "2026-06-30", [(guru[0], staff.KepalaSekolah, 3, 4, 8)]);

        var second = await _admin.Cycle(SecondStart, new DateOnly(2026, 12, 31), [staff.Unit]);
        (await _admin.Post(Routes.Cycles.AppraisalOpenings(second), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        string[] ratees = [.. guru, staff.KepalaSekolah];
        await Semester(second, "2026-09-01",
            [.. ratees.Select((nip, i) => (nip, i < 4 ? staff.KepalaSekolah : staff.KepalaDinas, SecondScores[i].Akuntabel, SecondScores[i].Kolaboratif, SecondScores[i].Realised))]);
        (Staff, Guru, First, Second) = (staff, guru, first, second);
    }

    /// <summary>Plans agreed (target 10 dokumen), the cycle started, then the rater's scores and one realisation per appraisal.</summary>
    private async Task Semester(Guid cycle, string achievedOn, (string Nip, string Rater, int Akuntabel, int Kolaboratif, decimal Realised)[] appraisals)
    {
        foreach (var a in appraisals)
        {
            // hr-admin drafts and submits on the employee's behalf; agreement is the rater's own act.
            await _admin.AgreedPlan(As(Roles.Supervisor, a.Rater), Routes.Appraisals.One(cycle, a.Nip), GivenCycles.PlanBody(10));
        }

        (await _admin.Post(Routes.Cycles.Start(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var a in appraisals)
        {
            var appraisal = Routes.Appraisals.One(cycle, a.Nip);
            // Feedback is recorded only in the giver's own name: the rater posts it.
            var feedback = await As(Roles.Supervisor, a.Rater).Post($"{appraisal}/feedback", new
            {
                source = "Supervisor",
                scores = new Dictionary<string, int> { ["Akuntabel"] = a.Akuntabel, ["Kolaboratif"] = a.Kolaboratif },
            });
            feedback.StatusCode.Should().Be(HttpStatusCode.OK, await feedback.Content.ReadAsStringAsync());
            var realisation = await _admin.Post($"{appraisal}/realisations", new
            {
                indicatorKey = "R1.1",
                value = a.Realised,
                achievedOn,
                evidence = new { link = "https://drive.ambon.go.id/sekolah/rekap.pdf", description = "Rekap perangkat ajar" },
            });
            realisation.StatusCode.Should().Be(HttpStatusCode.Created, await realisation.Content.ReadAsStringAsync());
        }
    }
}

/// <summary>Reads the strengths-and-weaknesses answer as sent: claims by kind and subject, the unit comparison and the trend.</summary>
public static class StrengthsJson
{
    public static IEnumerable<string> Claims(JsonNode? claims) => claims!.AsArray().Select(c => $"{c!["kind"].Str()}:{c["subject"].Str()}");

    public static JsonNode Claim(JsonNode? claims, string subject) => claims!.AsArray().Single(c => c!["subject"].Str() == subject)!;

    public static (int, decimal, decimal, decimal, decimal) Unit(JsonNode claim)
    {
        var unit = claim["unit"]!;
        return (unit["employees"]!.GetValue<int>(), unit["mean"]!.GetValue<decimal>(), unit["lowerQuartile"]!.GetValue<decimal>(),
            unit["median"]!.GetValue<decimal>(), unit["upperQuartile"]!.GetValue<decimal>());
    }

    public static IEnumerable<(string, decimal?)> Trend(JsonNode? trends, string subject) =>
        trends!.AsArray().Single(t => (t!["value"] ?? t["aspect"]).Str() == subject)!["cycles"]!.AsArray()
            .Select(p => (p!["cycleId"].Str(), p["figure"]?.GetValue<decimal>()));
}
