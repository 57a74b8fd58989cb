using System.Net;
using System.Net.Http.Json;
using Kinerja.Api.Http;
using Kinerja.Api.Units;
using Kinerja.Application.Common;
using Kinerja.Application.Units.GettingUnits;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Units;

public sealed class UnitApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    [Fact]
    public async Task A_registered_unit_is_created_with_location_and_etag_and_appears_in_the_tree_under_its_parent()
    {
        var created = await _admin.PostAsJsonAsync(Routes.Units.All, new { code = "dinkes", name = "Dinas Kesehatan" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.Location!.ToString().Should().Be("/api/v1/units/DINKES");
        created.Headers.ETag!.Tag.Should().Be("\"1\"");
        await _admin.Unit("PKM-RIJALI", parentCode: "DINKES");

        var tree = await app.As(Roles.Employee, Given.PnsNip()).Read<UnitTreeResponse>(Routes.Units.All);
        var dinkes = tree.Items.Single(u => u.Code == "DINKES");
        dinkes.Name.Should().Be("Dinas Kesehatan");
        dinkes.Children.Select(c => c.Code).Should().Equal("PKM-RIJALI");

        var child = await _admin.Read<UnitNode>(Routes.Units.One("pkm-rijali"));
        child.ParentCode.Should().Be("DINKES");
    }

    [Fact]
    public async Task Renaming_with_the_current_etag_succeeds_and_a_stale_one_is_412_and_appends_nothing()
    {
        await _admin.Unit("BKPSDM");
        var rename = new HttpRequestMessage(HttpMethod.Post, Routes.Units.Renaming("BKPSDM")) { Content = JsonContent.Create(new { name = "Badan Kepegawaian dan Pengembangan SDM" }) };
        rename.Headers.IfMatch.Add(new("\"1\""));
        var renamed = await _admin.SendAsync(rename);
        renamed.StatusCode.Should().Be(HttpStatusCode.OK);
        renamed.Headers.ETag!.Tag.Should().Be("\"2\"");

        var before = await app.EventCount();
        var stale = new HttpRequestMessage(HttpMethod.Post, Routes.Units.Renaming("BKPSDM")) { Content = JsonContent.Create(new { name = "BKPSDM Kota Ambon" }) };
        stale.Headers.IfMatch.Add(new("\"1\""));
        await (await _admin.SendAsync(stale)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "stale-version");
        (await app.EventCount()).Should().Be(before);
        (await _admin.Read<UnitNode>(Routes.Units.One("BKPSDM"))).Name.Should().Be("Badan Kepegawaian dan Pengembangan SDM");
    }

    [Fact]
    public async Task A_duplicate_code_an_unknown_parent_and_an_invalid_code_are_refused_and_append_nothing()
    {
        await _admin.Unit("BPKAD");
        var before = await app.EventCount();

        await (await _admin.PostAsJsonAsync(Routes.Units.All, new { code = "BPKAD", name = "Lagi" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "unit-already-registered");
        await (await _admin.PostAsJsonAsync(Routes.Units.All, new { code = "UPTD-X", name = "UPTD", parentCode = "NOPE" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "unknown-unit");
        var invalid = await (await _admin.PostAsJsonAsync(Routes.Units.All, new { code = "no spaces!", name = "" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        invalid["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo("code", "name");

        (await app.EventCount()).Should().Be(before);
        await (await _admin.GetAsync(Routes.Units.One("NOPE"))).ShouldBeProblem(HttpStatusCode.NotFound, "unit-not-found");
    }

    [Theory]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Employee)]
    public async Task Only_hr_admin_and_the_portal_register_units(string role)
    {
        var before = await app.EventCount();
        var response = await app.As(role, Given.PnsNip()).PostAsJsonAsync(Routes.Units.All, new { code = "KEC-" + role[..3].ToUpperInvariant(), name = "Kecamatan" });
        await response.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);
    }
}
