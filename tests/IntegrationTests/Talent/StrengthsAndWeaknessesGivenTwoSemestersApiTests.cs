using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Appraisals;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using static Kinerja.IntegrationTests.Talent.StrengthsJson;

namespace Kinerja.IntegrationTests.Talent;

/// <summary>
/// Guru 1 of <see cref="GivenTwoSemesters"/> judged; every expected figure is worked out by hand in the comments from the
/// scores and realisations sent (rule 2026.1, target 10 dokumen).
/// </summary>
public sealed class StrengthsAndWeaknessesGivenTwoSemestersApiTests(GivenTwoSemesters school) : IClassFixture<GivenTwoSemesters>
{
    private readonly HttpClient _admin = school.As(Roles.HrAdmin);

    [Fact]
    public async Task A_guru_s_strengths_and_weaknesses_carry_their_exact_evidence_and_the_unit_comparison()
    {
        var guru = school.Guru[0];

        var read = await (await _admin.GetAsync(Routes.Employees.StrengthsWeaknesses(guru))).Json();

        read["cycle"]!["id"].Str().Should().Be(school.Second.ToString(), "without a cycle the latest appraised one is judged");
        read["ruleVersion"].Str().Should().Be("2026.1");
        read["unitCode"].Str().Should().Be(school.Staff.Unit);
        read["unitAppraisals"]!.GetValue<int>().Should().Be(5);
        Claims(read["strengths"]).Should().Equal("Value:Akuntabel", "Aspect:Kuantitas", "Competency:TEKNIS.PEMBELAJARAN");
        Claims(read["weaknesses"]).Should().Equal("Value:Kolaboratif", "Competency:MANAJERIAL.INTEGRITAS");

        // Akuntabel across the unit 2, 3, 4, 4, 5: mean 3.6, Q1 3 (2nd), median 4, Q3 4 (4th); guru 1's 5 is at least 4.0 and Q3.
        var akuntabel = Claim(read["strengths"], "Akuntabel");
        akuntabel["figure"]!.GetValue<decimal>().Should().Be(5m);
        akuntabel["reasons"]!.AsArray().Select(r => r.Str()).Should().Equal("meets-strength-floor", "in-unit-upper-quartile");
        var source = akuntabel["value"]!["sources"]!.AsArray().Should().ContainSingle().Subject!;
        (source["source"].Str(), source["responses"]!.GetValue<int>(), source["mean"]!.GetValue<decimal>(), source["counted"]!.GetValue<bool>())
            .Should().Be(("Supervisor", 1, 5m, true));
        Unit(akuntabel).Should().Be((5, 3.6m, 3m, 4m, 4m));

        // Kolaboratif across the unit 2, 3, 4, 4, 5: guru 1's 2 is below the floor of 3.0 and below Q1 (3).
        var kolaboratif = Claim(read["weaknesses"], "Kolaboratif");
        kolaboratif["figure"]!.GetValue<decimal>().Should().Be(2m);
        kolaboratif["reasons"]!.AsArray().Select(r => r.Str()).Should().Equal("below-weakness-floor", "below-unit-lower-quartile");
        Unit(kolaboratif).Should().Be((5, 3.6m, 3m, 4m, 4m));

        // Kuantitas: 12/10 = 1.2 against the unit's 0.8, 0.9, 1.0, 1.1, 1.2 (mean 1.0, Q1 0.9, Q3 1.1).
        var kuantitas = Claim(read["strengths"], "Kuantitas");
        kuantitas["figure"]!.GetValue<decimal>().Should().Be(1.2m);
        var indicator = kuantitas["aspect"]!["indicators"]!.AsArray().Should().ContainSingle().Subject!;
        (indicator["indicatorKey"].Str(), indicator["target"]!.GetValue<decimal>(), indicator["realised"]!.GetValue<decimal>(), indicator["ratio"]!.GetValue<decimal>())
            .Should().Be(("R1.1", 10m, 12m, 1.2m));
        Unit(kuantitas).Should().Be((5, 1.0m, 0.9m, 1.0m, 1.1m));

        // Competencies against the 2026.1 standard (level 3 for every kind): 5 is two above, 2 is below.
        var integritas = Claim(read["weaknesses"], "MANAJERIAL.INTEGRITAS");
        integritas["competency"]!["known"]!["level"]!.GetValue<int>().Should().Be(2);
        integritas["competency"]!["known"]!["asOf"].Str().Should().Be("2026-03-12");
        integritas["competency"]!["known"]!["evidence"].Str().Should().Be("Assessment");
        integritas["competency"]!["required"]!.GetValue<int>().Should().Be(3);
        read["competencies"]!["positionKind"].Str().Should().Be("FungsionalKeahlian");
        read["competencies"]!["standardVersion"].Str().Should().Be("2026.1");
    }

    [Fact]
    public async Task The_trend_shows_each_semester_s_figure_oldest_first_and_an_earlier_cycle_can_be_judged_on_its_own()
    {
        var guru = school.Guru[0];
        var me = school.As(Roles.Employee, guru);

        var read = await (await me.GetAsync($"{Routes.Employees.StrengthsWeaknesses(guru)}?cycle={school.Second}")).Json();

        // Semester I: Akuntabel 3, Kolaboratif 4, 8 of 10 dokumen; Semester II: 5, 2, 12 of 10.
        Trend(read["trend"]!["values"], "Akuntabel").Should().Equal((school.First.ToString(), 3m), (school.Second.ToString(), 5m));
        Trend(read["trend"]!["values"], "Kolaboratif").Should().Equal((school.First.ToString(), 4m), (school.Second.ToString(), 2m));
        Trend(read["trend"]!["aspects"], "Kuantitas").Should().Equal((school.First.ToString(), 0.8m), (school.Second.ToString(), 1.2m));

        // Alone in Semester I's unit, nothing is compared: 0.8 is below the aspect floor 0.9, Kolaboratif 4 meets the floor, Akuntabel 3 is neither.
        var first = await (await me.GetAsync($"{Routes.Employees.StrengthsWeaknesses(guru)}?cycle={school.First}")).Json();
        first["unitAppraisals"]!.GetValue<int>().Should().Be(1);
        Claims(first["weaknesses"]).Should().Equal("Aspect:Kuantitas", "Competency:MANAJERIAL.INTEGRITAS");
        Claim(first["weaknesses"], "Kuantitas")["unit"].Should().BeNull();
        Claims(first["strengths"]).Should().Equal("Value:Kolaboratif", "Competency:TEKNIS.PEMBELAJARAN");
        Claim(first["strengths"], "Kolaboratif")["reasons"]!.AsArray().Select(r => r.Str()).Should().Equal("meets-strength-floor", "unit-too-small-to-compare");
    }

    [Fact]
    public async Task Rebuilding_the_appraisal_records_from_the_events_gives_the_same_answer()
    {
        var url = Routes.Employees.StrengthsWeaknesses(school.Guru[0]);
        var before = await _admin.GetStringAsync(url);

        await school.Store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(AppraisalRecord));
        await (await _admin.GetAsync(url)).ShouldBeProblem(HttpStatusCode.NotFound, "appraisal-not-found");
        var projection = typeof(Infrastructure.DependencyInjection).Assembly.GetType("Kinerja.Infrastructure.Appraisals.AppraisalRecordProjection", throwOnError: true)!;
        var daemon = await school.Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(1), CancellationToken.None);

        (await _admin.GetStringAsync(url)).Should().Be(before);
    }
}
