using System.Net;
using System.Text.Json.Nodes;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Appraisals;

/// <summary>What the service answered and shows through <see cref="GivenASemester"/>, from the openings to closure.</summary>
public sealed class SemesterRunApiTests(GivenASemester semester) : IClassFixture<GivenASemester>
{
    [Fact]
    public void Everyone_in_DISDIK_and_its_schools_with_a_superior_gets_one_appraisal_with_the_rater_and_approver_from_the_registry()
    {
        // The kepala dinas has no superior in the registry; the DINKES employee is outside the cycle's scope.
        semester.Opening["opened"]!.GetValue<int>().Should().Be(3);
        semester.Opening["skipped"]!.AsArray().Should().ContainSingle(s => s!["nip"].Str() == semester.KepalaDinas && s["code"].Str() == "no-rater");
        semester.OpeningAgain["opened"]!.GetValue<int>().Should().Be(0);
        semester.OpeningAgain["alreadyOpen"]!.GetValue<int>().Should().Be(3);

        semester.Opened["rater"]!["nip"].Str().Should().Be(semester.KepalaSekolah);
        semester.Opened["approver"]!["nip"].Str().Should().Be(semester.KepalaDinas);
        semester.Opened["status"].Str().Should().Be("Opened");
    }

    [Fact]
    public void A_plan_returned_once_with_comments_is_agreed_by_the_rater_and_cascades_from_the_raters_own_plan()
    {
        semester.Returned["status"].Str().Should().Be("Returned");
        var agreed = semester.Agreed;
        agreed["status"].Str().Should().Be("Agreed");
        (agreed["agreedBy"]!["nip"].Str(), agreed["agreedBy"]!["role"].Str(), agreed["agreedBy"]!["name"].Str())
            .Should().Be((semester.KepalaSekolah, "supervisor", "kepsek.smpn9"));
        agreed["returns"]![0]!["comments"].Str().Should().Be(GivenASemester.ReturnComments);
        agreed["rows"]![0]!["supports"]!["raterNip"].Str().Should().Be(semester.KepalaSekolah);
        agreed["rows"]![0]!["supports"]!["rhk"].Str().Should().Be("Terlaksananya pembelajaran yang berpusat pada murid");
    }

    [Fact]
    public async Task A_revision_mid_semester_is_version_2_agreed_again_and_version_1_stays_as_agreed()
    {
        semester.Revised["version"]!.GetValue<int>().Should().Be(2);
        var v1 = await (await semester.Me.GetAsync($"{semester.Appraisal}/plan/versions/1")).Json();
        v1["status"].Str().Should().Be("Agreed");
        v1["rows"]![0]!["indicators"]![0]!["target"]!["value"]!.GetValue<decimal>().Should().Be(12);
        var v2 = await (await semester.Me.GetAsync($"{semester.Appraisal}/plan/versions/2")).Json();
        v2["rows"]![0]!["indicators"]![0]!["target"]!["value"]!.GetValue<decimal>().Should().Be(14);
    }

    [Fact]
    public async Task A_correction_names_the_realisation_it_corrects()
    {
        var first = await (await semester.Me.GetAsync($"{semester.Appraisal}/realisations/{semester.FirstRealisation}")).Json();
        first["correctedBy"].Str().Should().Be(semester.Correction);
    }

    [Fact]
    public void The_read_models_counts_and_means_are_exactly_what_was_sent()
    {
        semester.PublicAnswered.Should().HaveCount(30).And.OnlyContain(status => status == HttpStatusCode.OK);
        var read = semester.AsAdminReads;
        read["status"].Str().Should().Be("Agreed");
        read["agreedVersion"]!.GetValue<int>().Should().Be(2);
        read["planVersions"]!.AsArray().Select(v => v!["status"].Str()).Should().Equal("Agreed", "Agreed");
        var progress = read["progress"]!.AsArray().Single()!;
        progress["realised"]!.GetValue<decimal>().Should().Be(7);
        progress["percentOfTarget"]!.GetValue<decimal>().Should().Be(50.0m);
        read["realisations"]!.AsArray().Should().HaveCount(2);

        var feedback = read["feedback"]!.AsArray().ToDictionary(s => s!["source"].Str());
        feedback.Keys.Should().Equal("Supervisor", "Peer", "Self", "Public");
        Mean(feedback["Supervisor"]!, "Akuntabel").Should().Be((1, 5m));
        Mean(feedback["Peer"]!, "Kolaboratif").Should().Be((1, 5m));
        Mean(feedback["Self"]!, "BerorientasiPelayanan").Should().Be((1, 3m));
        var publicSummary = feedback["Public"]!;
        publicSummary["count"]!.GetValue<int>().Should().Be(30);
        var pelayanan = semester.PublicAnswers.Select(a => a.Scores["BerorientasiPelayanan"]).ToList();
        Mean(publicSummary, "BerorientasiPelayanan").Should().Be((30, Math.Round((decimal)pelayanan.Sum() / 30, 2)));
        Mean(publicSummary, "BerorientasiPelayanan").Mean.Should().Be(3.67m, "students scored 1 to 5 four times over, parents all 5");
        var adaptif = semester.PublicAnswers.Where(a => a.Scores.ContainsKey("Adaptif")).Select(a => a.Scores["Adaptif"]).ToList();
        Mean(publicSummary, "Adaptif").Should().Be((adaptif.Count, Math.Round((decimal)adaptif.Sum() / adaptif.Count, 2)));
        publicSummary["respondentGroups"]!.AsArray().Select(g => (g!["group"].Str(), g["count"]!.GetValue<int>()))
            .Should().Equal(("Student", 20), ("Parent", 10));
        publicSummary["latestComments"]!.AsArray().Should().HaveCount(5);
    }

    [Fact]
    public void The_employee_reads_the_public_comments_on_her_own_appraisal_beside_the_internal_ones()
    {
        var own = semester.AsGuruReads;
        own["feedback"]!.AsArray().Single(s => s!["source"].Str() == "Public")!["latestComments"]!.AsArray().Should().HaveCount(5);
        own["feedback"]!.AsArray().Single(s => s!["source"].Str() == "Supervisor")!["latestComments"]![0]!["comment"].Str()
            .Should().Be("Disiplin dan tepat waktu");
    }

    [Fact]
    public void The_schools_agreed_appraisals_are_listed_in_NIP_order_and_the_cycle_closes_after_evaluation()
    {
        semester.AgreedAtSchool["items"]!.AsArray().Select(i => i!["nip"].Str())
            .Should().Equal(new[] { semester.Guru, semester.KepalaSekolah }.Order(StringComparer.Ordinal));
        semester.Closed["history"]!.AsArray().Select(h => h!["phase"].Str()).Should().Equal("Planning", "InProgress", "Evaluation", "Closed");
    }

    [Fact]
    public void The_kepala_sekolahs_rating_hasil_kerja_follows_the_schools_result_recorded_by_the_kepala_dinas()
    {
        semester.HeadBeforeUnitResult["code"].Str().Should().Be("unit-result-missing");
        (semester.HeadAgainstUnitResult["code"].Str(), semester.HeadAgainstUnitResult["expectedResults"].Str()).Should().Be(("results-follow-unit-result", "SesuaiEkspektasi"));

        var evaluation = semester.HeadEvaluated["evaluation"]!;
        (evaluation["status"].Str(), evaluation["results"].Str(), evaluation["predikat"].Str()).Should().Be(("Approved", "SesuaiEkspektasi", "Baik"));
        (evaluation["fromUnit"]!["unitCode"].Str(), evaluation["fromUnit"]!["result"].Str()).Should().Be((semester.School, "Baik"));
        var source = semester.SchoolDistribution["resultSource"]!;
        (semester.SchoolDistribution["result"].Str(), source["recordedBy"]!["name"].Str(), source["headNip"].Str(), source["headResults"].Str())
            .Should().Be(("Baik", "kadis", semester.KepalaSekolah, "SesuaiEkspektasi"));
    }

    private static (int Count, decimal Mean) Mean(JsonNode source, string value)
    {
        var tally = source["values"]!.AsArray().Single(v => v!["value"].Str() == value)!;
        return (tally["count"]!.GetValue<int>(), tally["mean"]!.GetValue<decimal>());
    }
}
