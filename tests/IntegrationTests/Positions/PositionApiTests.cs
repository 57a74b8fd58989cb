using System.Net;
using Kinerja.Application.Common;
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

    private static string NewCode() => "DISDIK-KABID-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    [Fact]
    public async Task A_registered_position_is_created_with_location_and_etag_and_reads_back_with_sorted_upper_case_requirements()
    {
        await _admin.EnsureUnit("DISDIK");
        var code = NewCode();

        var created = await _admin.Post("/api/v1/positions", Body(code.ToLowerInvariant()));

        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        created.Headers.Location!.ToString().Should().Be($"/api/v1/positions/{code}");
        created.Headers.ETag!.Tag.Should().Be("\"1\"");
        var read = await _admin.GetAsync($"/api/v1/positions/{code.ToLowerInvariant()}");
        read.Headers.ETag!.Tag.Should().Be("\"1\"");
        var position = await read.Json();
        position["code"].Str().Should().Be(code);
        position["unitCode"].Str().Should().Be("DISDIK");
        position["kind"].Str().Should().Be("Administrator");
        position["vacancies"]!.GetValue<int>().Should().Be(1);
        position["vacant"]!.GetValue<bool>().Should().BeTrue();
        position["requirements"]!.AsArray().Select(r => (r!["code"].Str(), r["minLevel"]!.GetValue<int>()))
            .Should().Equal(("MANAJERIAL.INTEGRITAS", 4), ("TEKNIS.PEMBELAJARAN", 3));
    }

    [Fact]
    public async Task Requirements_and_vacancies_change_under_if_match_and_a_retired_position_takes_no_more_changes_or_candidates()
    {
        await _admin.EnsureUnit("DISDIK");
        var code = NewCode();
        (await _admin.Post("/api/v1/positions", Body(code))).StatusCode.Should().Be(HttpStatusCode.Created);

        var changed = await _admin.Post($"/api/v1/positions/{code}/requirements", new { requirements = new[] { new { code = "TEKNIS.PEMBELAJARAN", minLevel = 4 } } }, ifMatch: "\"1\"");
        changed.StatusCode.Should().Be(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        changed.Headers.ETag!.Tag.Should().Be("\"2\"");
        (await changed.Json())["requirements"]!.AsArray().Should().ContainSingle();

        var before = await app.EventCount();
        await (await _admin.Post($"/api/v1/positions/{code}/vacancies", new { vacancies = 0 }, ifMatch: "\"1\"")).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "stale-version");
        (await app.EventCount()).Should().Be(before);

        var filled = await (await _admin.Post($"/api/v1/positions/{code}/vacancies", new { vacancies = 0 }, ifMatch: "\"2\"")).Json();
        filled["vacant"]!.GetValue<bool>().Should().BeFalse();
        before = await app.EventCount();
        (await _admin.Post($"/api/v1/positions/{code}/vacancies", new { vacancies = 0 })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.EventCount()).Should().Be(before, "a repeated change that happened appends nothing");
        await (await _admin.GetAsync($"/api/v1/positions/{code}/candidates")).ShouldBeProblem(HttpStatusCode.Conflict, "position-not-vacant");

        var retired = await _admin.Post($"/api/v1/positions/{code}/retirement", new { }, headers: ("X-Reason", "Reorganisasi SOTK 2026"));
        retired.StatusCode.Should().Be(HttpStatusCode.OK);
        (await retired.Json())["retired"]!.GetValue<bool>().Should().BeTrue();
        before = await app.EventCount();
        await (await _admin.Post($"/api/v1/positions/{code}/vacancies", new { vacancies = 2 })).ShouldBeProblem(HttpStatusCode.Conflict, "position-retired");
        await (await _admin.GetAsync($"/api/v1/positions/{code}/candidates")).ShouldBeProblem(HttpStatusCode.Conflict, "position-retired");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task A_duplicate_code_an_unknown_unit_and_invalid_bodies_are_refused_and_append_nothing()
    {
        await _admin.EnsureUnit("DISDIK");
        var code = NewCode();
        (await _admin.Post("/api/v1/positions", Body(code))).StatusCode.Should().Be(HttpStatusCode.Created);
        var before = await app.EventCount();

        await (await _admin.Post("/api/v1/positions", Body(code.ToLowerInvariant()))).ShouldBeProblem(HttpStatusCode.Conflict, "position-already-registered");
        await (await _admin.Post("/api/v1/positions", Body(NewCode(), unitCode: "NOPE"))).ShouldBeProblem(HttpStatusCode.Conflict, "unknown-unit");
        var invalid = await (await _admin.Post("/api/v1/positions", Body("x", vacancies: -1, kind: "JPT",
                requirements: [new { code = "A", minLevel = 6 }, new { code = "B", minLevel = 3 }, new { code = "b", minLevel = 2 }])))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        invalid["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["code", "vacancies", "level", "requirements"])
            .And.Contain(key => key.StartsWith("requirements[0].", StringComparison.OrdinalIgnoreCase));
        await (await _admin.Post($"/api/v1/positions/{code}/vacancies", new { vacancies = 1001 })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");

        (await app.EventCount()).Should().Be(before);
        await (await _admin.GetAsync("/api/v1/positions/NO-SUCH-POSITION")).ShouldBeProblem(HttpStatusCode.NotFound, "position-not-found");
        await (await _admin.Post("/api/v1/positions/NO-SUCH-POSITION/vacancies", new { vacancies = 1 })).ShouldBeProblem(HttpStatusCode.NotFound, "position-not-found");
    }

    [Theory]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Employee)]
    public async Task Only_hr_admin_and_the_portal_register_and_change_positions(string role)
    {
        await _admin.EnsureUnit("DISDIK");
        var code = NewCode();
        (await _admin.Post("/api/v1/positions", Body(code))).StatusCode.Should().Be(HttpStatusCode.Created);
        var before = await app.EventCount();

        var client = app.As(role, Given.PnsNip());
        await (await client.Post("/api/v1/positions", Body(NewCode()))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await client.Post($"/api/v1/positions/{code}/vacancies", new { vacancies = 3 })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
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
            (await _admin.Post("/api/v1/positions", Body(code, unitCode: unit, vacancies: vacancies))).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var vacant = await (await _admin.GetAsync($"/api/v1/positions?unit={unit}&vacant=true")).Json();
        vacant["items"]!.AsArray().Select(p => p!["code"].Str()).Should().Equal(codes[0], codes[2]);

        var first = await (await _admin.GetAsync($"/api/v1/positions?unit={unit}&limit=2")).Json();
        first["items"]!.AsArray().Select(p => p!["code"].Str()).Should().Equal(codes[0], codes[1]);
        var second = await (await _admin.GetAsync($"/api/v1/positions?unit={unit}&limit=2&cursor={first["nextCursor"].Str()}")).Json();
        second["items"]!.AsArray().Select(p => p!["code"].Str()).Should().Equal(codes[2]);
        second["nextCursor"].Should().BeNull();
        await (await _admin.GetAsync("/api/v1/positions?cursor=bm90LWEtY3Vyc29y")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
    }
}
