using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Appraisals.ListingAppraisals;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles.GettingCycle;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Appraisals;

/// <summary>Listing cycles and appraisals, and the OpenAPI document; a whole semester is run in <see cref="SemesterRunApiTests"/>.</summary>
public sealed class SemesterApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private static readonly DateOnly PeriodStart = new(2026, 7, 1);
    private static readonly DateOnly PeriodEnd = new(2026, 12, 31);
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    [Fact]
    public async Task The_appraisal_list_pages_in_NIP_order_and_filters_by_unit_and_status()
    {
        await _admin.EnsureUnit("DISDIK");
        var school = "SDN5-" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        await _admin.Unit(school, parentCode: "DISDIK");
        var kepalaSekolah = await _admin.Employee("DISDIK");
        var guru = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            guru.Add(await _admin.Employee(school, supervisorNip: kepalaSekolah));
        }

        var cycleId = await _admin.Cycle(PeriodStart, PeriodEnd, [school]);
        (await (await _admin.Post(Routes.Cycles.AppraisalOpenings(cycleId), new { })).Json())["opened"]!.GetValue<int>().Should().Be(5);
        var me = app.As(Roles.Employee, guru[0]);
        await me.AgreedPlan(app.As(Roles.Supervisor, kepalaSekolah), Routes.Appraisals.One(cycleId, guru[0]));

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _admin.Read<Page<AppraisalListItem>>($"{Routes.Cycles.Appraisals(cycleId)}?unit={school}&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page.Items.Select(i => i.Nip));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        pages.Should().Be(3);
        seen.Should().Equal(guru.Order(StringComparer.Ordinal));
        var opened = await _admin.Read<Page<AppraisalListItem>>($"{Routes.Cycles.Appraisals(cycleId)}?status=Opened");
        opened.Items.Select(i => i.Nip).Should().Equal(guru.Skip(1).Order(StringComparer.Ordinal));
        await (await _admin.GetAsync($"{Routes.Cycles.Appraisals(cycleId)}?cursor=bm9wZQ")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task Cycles_are_listed_newest_period_first_and_the_cursor_visits_each_once()
    {
        foreach (var month in new[] { 1, 7, 4 })
        {
            await _admin.Cycle(new DateOnly(2025, month, 1), new DateOnly(2025, month, 1).AddMonths(1).AddDays(-1), kind: "Monthly");
        }

        var all = (await _admin.Read<Page<CycleDetails>>($"{Routes.Cycles.All}?limit=500")).Items.Select(c => c.PeriodStart).ToList();
        all.Should().BeInDescendingOrder().And.Contain([new(2025, 7, 1), new(2025, 4, 1), new(2025, 1, 1)]);

        var seen = new List<DateOnly>();
        string? cursor = null;
        do
        {
            var page = await _admin.Read<Page<CycleDetails>>($"{Routes.Cycles.All}?limit=1{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page.Items.Select(c => c.PeriodStart));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        seen.Should().Equal(all);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_cycle_and_appraisal_routes_with_examples()
    {
        var document = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        document.Should().Contain("/api/v1/cycles/{id}/closure").And.Contain("/api/v1/cycles/{cycleId}/appraisals/{nip}/plan/versions/{version}")
            .And.Contain("/api/v1/cycles/{cycleId}/appraisals/{nip}/public-feedback").And.Contain("survei-smpn9-2026-000123")
            .And.Contain("Semester II 2026 Dinas Pendidikan");
    }
}
