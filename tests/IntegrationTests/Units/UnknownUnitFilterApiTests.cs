using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Units;

/// <summary>An unknown unit is a 404 wherever it is named: in a route or as a list's <c>?unit=</c> filter.</summary>
public sealed class UnknownUnitFilterApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    [Fact]
    public async Task Every_list_filtered_by_an_unknown_unit_is_404_unit_not_found_and_a_known_unit_with_nothing_is_an_empty_200()
    {
        var (school, _, _, _) = await _admin.School();
        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [school]);
        string[] lists =
        [
            $"{Routes.Employees.All}?unit={{0}}", $"{Routes.Positions.All}?unit={{0}}", $"{Routes.Cycles.Appraisals(cycle)}?unit={{0}}",
            $"{Routes.TrainingGrants.All}?unit={{0}}", $"{Routes.Cycles.Ranking(cycle)}?unit={{0}}", $"{Routes.Cycles.TalentGrid(cycle)}?unit={{0}}",
            $"{Routes.Cycles.Unit(cycle, "{0}")}/award-candidates", $"{Routes.Cycles.Unit(cycle, "{0}")}/support-needs",
            $"{Routes.Cycles.Unit(cycle, "{0}")}/distribution",
        ];

        foreach (var list in lists)
        {
            var unknown = await _admin.GetAsync(string.Format(list, "NOPE"));
            (await unknown.ShouldBeProblem(HttpStatusCode.NotFound, "unit-not-found"))["detail"].Str().Should().Contain("NOPE");
        }

        await _admin.EnsureUnit("DINSOS");
        foreach (var list in lists)
        {
            var known = await _admin.GetAsync(string.Format(list, "DINSOS"));
            known.StatusCode.Should().Be(HttpStatusCode.OK, $"{list}: {await known.Content.ReadAsStringAsync()}");
        }
    }
}
