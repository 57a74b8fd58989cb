using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Employees.ListingEmployees;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Employees;

public sealed class ListEmployeesApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    [Fact]
    public async Task Pages_follow_NIP_order_and_the_cursor_visits_every_employee_of_the_unit_once()
    {
        await _admin.Unit("KEC-SIRIMAU");
        await _admin.Unit("KEC-BAGUALA");
        var nips = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            nips.Add(await _admin.Employee("KEC-SIRIMAU"));
        }

        await _admin.Employee("KEC-BAGUALA");

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _admin.Read<Page<EmployeeListItem>>($"{Routes.Employees.All}?unit=KEC-SIRIMAU&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page.Items.Select(i => i.Nip));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        pages.Should().Be(3);
        seen.Should().Equal(nips.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    [InlineData("cursor=not-a-cursor")]
    public async Task Paging_parameters_out_of_range_are_400(string query)
    {
        await (await _admin.GetAsync($"{Routes.Employees.All}?{query}")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task A_limit_that_is_not_a_number_is_400()
    {
        await (await _admin.GetAsync($"{Routes.Employees.All}?limit=abc")).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed-request");
    }
}
