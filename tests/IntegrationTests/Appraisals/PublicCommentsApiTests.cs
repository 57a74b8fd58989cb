using System.Net;
using System.Text.Json.Nodes;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using Kinerja.IntegrationTests.Worklists;

namespace Kinerja.IntegrationTests.Appraisals;

/// <summary>The public's comments, masked before storing, are read by the teacher appraised and their rater; not by the approver or the portal.</summary>
public sealed class PublicCommentsApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private static JsonNode? PublicComments(JsonObject appraisal) =>
        appraisal["feedback"]!.AsArray().Single(s => s!["source"].Str() == "Public")!["latestComments"];

    [Fact]
    public async Task The_teacher_and_her_rater_read_the_masked_comments_of_her_appraisal_and_nobody_else_in_the_line_does()
    {
        var d = await OneDinas.Build(app);
        var admin = app.As(Roles.HrAdmin);
        var guru = app.As(Roles.Employee, d.Guru1);
        await guru.AgreedPlan(app.As(Roles.Supervisor, d.KepalaSekolah), d.Appraisal(d.Guru1));
        var answered = await app.As(Roles.Portal).Post($"{d.Appraisal(d.Guru1)}/public-feedback", new
        {
            submissionId = "survei-" + Guid.NewGuid().ToString("N")[..8], respondentGroup = "Parent", scores = new { BerorientasiPelayanan = 5 },
            comment = "Ibu guru sabar sekali dengan Rina, NISN 0081234567, hubungi 0812-3456-7890 atau rina.ortu@gmail.com",
            respondentId = "resp-1", personalNames = new[] { "Rina" },
        });
        answered.StatusCode.Should().Be(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        const string masked = "Ibu guru sabar sekali dengan [nama disamarkan], NISN [NISN disamarkan], hubungi [nomor telepon disamarkan] atau [email disamarkan]";

        foreach (var reader in new[] { guru, app.As(Roles.Supervisor, d.KepalaSekolah), admin, app.As(Roles.Auditor) })
        {
            var comments = PublicComments(await (await reader.GetAsync(d.Appraisal(d.Guru1))).Json())!.AsArray();
            comments.Select(c => c!["comment"].Str()).Should().Equal(masked);
        }

        // The approver reads the appraisal but not the public's words; the portal pushed them and reads the counts only.
        foreach (var reader in new[] { app.As(Roles.Supervisor, d.KepalaDinas), app.As(Roles.Portal) })
        {
            var appraisal = await (await reader.GetAsync(d.Appraisal(d.Guru1))).Json();
            PublicComments(appraisal).Should().BeNull();
            appraisal["feedback"]!.AsArray().Single(s => s!["source"].Str() == "Public")!["count"]!.GetValue<int>().Should().Be(1);
        }

        // A Plh for the rater acts as rater today, so reads them too.
        (await admin.Post(Kinerja.Api.Http.Routes.Employees.ActingOfficials(d.KepalaSekolah), new { actingNip = d.Guru2, kind = "Plh", from = "2026-09-14", to = "2026-09-18" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        PublicComments(await (await app.As(Roles.Employee, d.Guru2).GetAsync(d.Appraisal(d.Guru1))).Json())!.AsArray().Should().ContainSingle();
    }
}
