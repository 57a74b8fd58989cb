using System.Net;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Appraisals;

/// <summary>The rater chain through <see cref="GivenASemester"/>: a transfer mid-semester and an acting rater (Plh).</summary>
public sealed class SemesterRaterChainApiTests(GivenASemester semester) : IClassFixture<GivenASemester>
{
    [Fact]
    public void A_teacher_transferred_mid_semester_without_a_named_superior_reports_to_the_new_schools_head_and_the_profile_says_so()
    {
        semester.Transferred["placement"]!["unitCode"].Str().Should().Be(semester.SecondSchool);
        semester.Transferred["supervisor"]!["nip"].Str().Should().Be(semester.SecondHead);
        var latest = semester.Transferred["supervisors"]!.AsArray()[^1]!;
        (latest["effectiveFrom"].Str(), latest["basis"].Str()).Should().Be(("2026-09-01", "UnitHead"));
        semester.MovedAppraisal["rater"]!["nip"].Str().Should().Be(semester.SecondHead);
    }

    [Fact]
    public async Task The_former_superior_cannot_agree_the_moved_teachers_plan_after_the_transfer()
    {
        await semester.FormerRaterAgreement.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public void The_Plh_recorded_for_the_absent_head_agrees_the_plan_and_the_agreement_names_them()
    {
        semester.ActingAgreement["status"].Str().Should().Be("Agreed");
        (semester.ActingAgreement["agreedBy"]!["nip"].Str(), semester.ActingAgreement["agreedBy"]!["name"].Str()).Should().Be((semester.Plh, "plh.smpn11"));
        semester.MovedAppraisal["status"].Str().Should().Be("Agreed");
    }
}
