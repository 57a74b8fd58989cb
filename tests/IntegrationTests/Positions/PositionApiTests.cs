using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Positions;
using Kinerja.Domain.Employees;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Positions;

public sealed class PositionApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    private static object Body(string code, string unitCode = "DISDIK", int vacancies = 1, string kind = "Administrator", string? level = null, object[]? requirements = null) => new
    {
        code, name = "Kepala Bidang Pembinaan SD", unitCode, kind, level, vacancies,
        requirements = requirements ?? [new { code = "teknis.pembelajaran", minLevel = 3 }, new { code = "MANAJERIAL.INTEGRITAS", minLevel = 4 }],
    };

    /// <summary>Vacant is computed on the record, so a typed read would recompute it: it is read from the JSON as the service sent it.</summary>
    private const string VacantIsSent = "the service sends whether a seat is open";

    private static string NewCode() => "DISDIK-KABID-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    [Fact]
    public async Task A_registered_position_is_created_with_location_and_etag_and_reads_back_with_sorted_upper_case_requirements()
    {
        await _admin.EnsureUnit("DISDIK");
        var code = NewCode();

        var created = await _admin.Post(Routes.Positions.All, Body(code.ToLowerInvariant()));

        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        created.Headers.Location!.ToString().Should().Be($"/api/v1/positions/{code}");
        created.Headers.ETag!.Tag.Should().Be("\"1\"");
        var read = await _admin.GetAsync(Routes.Positions.One(code.ToLowerInvariant()));
        read.Headers.ETag!.Tag.Should().Be("\"1\"");
        var position = await read.Answer<PositionRecord>();
        position.Code.Should().Be(code);
        position.UnitCode.Should().Be("DISDIK");
        position.Kind.Should().Be(PositionKind.Administrator);
        position.Vacancies.Should().Be(1);
        (await read.Json())["vacant"]!.GetValue<bool>().Should().BeTrue(VacantIsSent);
        position.Requirements.Select(r => (r.Code, r.MinLevel)).Should().Equal(("MANAJERIAL.INTEGRITAS", 4), ("TEKNIS.PEMBELAJARAN", 3));
    }

    [Fact]
    public async Task Requirements_and_vacancies_change_under_if_match_and_a_retired_position_takes_no_more_changes_or_candidates()
    {
        await _admin.EnsureUnit("DISDIK");
        var code = NewCode();
        (await _admin.Post(Routes.Positions.All, Body(code))).StatusCode.Should().Be(HttpStatusCode.Created);

        var changed = await _admin.Post(Routes.Positions.Requirements(code), new { requirements = new[] { new { code = "TEKNIS.PEMBELAJARAN", minLevel = 4 } } }, ifMatch: "\"1\"");
        changed.StatusCode.Should().Be(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        changed.Headers.ETag!.Tag.Should().Be("\"2\"");
        (await changed.Answer<PositionRecord>()).Requirements.Should().ContainSingle();

        var before = await app.EventCount();
        await (await _admin.Post(Routes.Positions.Vacancies(code), new { vacancies = 0 }, ifMatch: "\"1\"")).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "stale-version");
        (await app.EventCount()).Should().Be(before);

        var filled = await (await _admin.Post(Routes.Positions.Vacancies(code), new { vacancies = 0 }, ifMatch: "\"2\"")).Json();
        filled["vacant"]!.GetValue<bool>().Should().BeFalse(VacantIsSent);
        before = await app.EventCount();
        (await _admin.Post(Routes.Positions.Vacancies(code), new { vacancies = 0 })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.EventCount()).Should().Be(before, "a repeated change that happened appends nothing");
        await (await _admin.GetAsync(Routes.Positions.Candidates(code))).ShouldBeProblem(HttpStatusCode.Conflict, "position-not-vacant");

        var retired = await _admin.Post(Routes.Positions.Retirement(code), new { }, headers: ("X-Reason", "Reorganisasi SOTK 2026"));
        retired.StatusCode.Should().Be(HttpStatusCode.OK);
        (await retired.Answer<PositionRecord>()).Retired.Should().BeTrue();
        before = await app.EventCount();
        await (await _admin.Post(Routes.Positions.Vacancies(code), new { vacancies = 2 })).ShouldBeProblem(HttpStatusCode.Conflict, "position-retired");
        await (await _admin.GetAsync(Routes.Positions.Candidates(code))).ShouldBeProblem(HttpStatusCode.Conflict, "position-retired");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task A_duplicate_code_an_unknown_unit_and_invalid_bodies_are_refused_and_append_nothing()
    {
        await _admin.EnsureUnit("DISDIK");
        var code = NewCode();
        (await _admin.Post(Routes.Positions.All, Body(code))).StatusCode.Should().Be(HttpStatusCode.Created);
        var before = await app.EventCount();

        await (await _admin.Post(Routes.Positions.All, Body(code.ToLowerInvariant()))).ShouldBeProblem(HttpStatusCode.Conflict, "position-already-registered");
        await (await _admin.Post(Routes.Positions.All, Body(NewCode(), unitCode: "NOPE"))).ShouldBeProblem(HttpStatusCode.Conflict, "unknown-unit");
        var invalid = await (await _admin.Post(Routes.Positions.All, Body("x", vacancies: -1, kind: "JPT",
                requirements: [new { code = "A", minLevel = 6 }, new { code = "B", minLevel = 3 }, new { code = "b", minLevel = 2 }])))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        invalid["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["code", "vacancies", "level", "requirements"])
            .And.Contain(key => key.StartsWith("requirements[0].", StringComparison.OrdinalIgnoreCase));
        await (await _admin.Post(Routes.Positions.Vacancies(code), new { vacancies = 1001 })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");

        (await app.EventCount()).Should().Be(before);
        await (await _admin.GetAsync(Routes.Positions.One("NO-SUCH-POSITION"))).ShouldBeProblem(HttpStatusCode.NotFound, "position-not-found");
        await (await _admin.Post(Routes.Positions.Vacancies("NO-SUCH-POSITION"), new { vacancies = 1 })).ShouldBeProblem(HttpStatusCode.NotFound, "position-not-found");
    }

    [Theory]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Employee)]
    public async Task Only_hr_admin_and_the_portal_register_and_change_positions(string role)
    {
        await _admin.EnsureUnit("DISDIK");
        var code = NewCode();
        (await _admin.Post(Routes.Positions.All, Body(code))).StatusCode.Should().Be(HttpStatusCode.Created);
        var before = await app.EventCount();

        var client = app.As(role, Given.PnsNip());
        await (await client.Post(Routes.Positions.All, Body(NewCode()))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await client.Post(Routes.Positions.Vacancies(code), new { vacancies = 3 })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task The_list_is_ordered_by_code_filters_by_unit_and_vacancy_and_pages_by_cursor()
    {
        await _admin.EnsureUnit("DISDIK");
        var unit = "UPT" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await _admin.Unit(unit, parentCode: "DISDIK");
        string[] codes = [$"{unit}-A", $"{unit}-B", $"{unit}-C"];
        foreach (var (code, vacancies) in codes.Zip([1, 0, 2]))
        {
            (await _admin.Post(Routes.Positions.All, Body(code, unitCode: unit, vacancies: vacancies))).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var vacant = await _admin.Read<Page<PositionRecord>>($"{Routes.Positions.All}?unit={unit}&vacant=true");
        vacant.Items.Select(p => p.Code).Should().Equal(codes[0], codes[2]);

        var first = await _admin.Read<Page<PositionRecord>>($"{Routes.Positions.All}?unit={unit}&limit=2");
        first.Items.Select(p => p.Code).Should().Equal(codes[0], codes[1]);
        var second = await _admin.Read<Page<PositionRecord>>($"{Routes.Positions.All}?unit={unit}&limit=2&cursor={first.NextCursor}");
        second.Items.Select(p => p.Code).Should().Equal(codes[2]);
        second.NextCursor.Should().BeNull();
        await (await _admin.GetAsync($"{Routes.Positions.All}?cursor=bm90LWEtY3Vyc29y")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
    }
}
