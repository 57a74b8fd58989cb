using System.Net;
using System.Text;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Service;

/// <summary>The inputs that answered 500 in the fault-injection run of issue 20, each now a 4xx problem that stores nothing.</summary>
public sealed class UnstorableInputApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    [Theory]
    [InlineData("text/csv")]
    [InlineData("application/xml")]
    [InlineData("text/html")]
    public async Task An_error_is_a_problem_in_JSON_whatever_the_Accept_header_asks_for(string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Routes.Units.One("TIDAK-ADA"));
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await _admin.SendAsync(request);

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        await response.ShouldBeProblem(HttpStatusCode.NotFound, "unit-not-found");
    }

    [Fact]
    public async Task A_NUL_or_an_unpaired_surrogate_in_a_body_is_a_400_naming_the_field_and_stores_nothing()
    {
        var unit = await _admin.NewUnit();
        var before = await app.EventCount();

        var nul = await Send(Routes.Units.Renaming(unit), """{"name":"Dinas\u0000Pendidikan"}""", "text/csv");
        var surrogate = await Send(Routes.Units.Renaming(unit), """{"name":"Dinas \ud800 Pendidikan"}""", "application/json");

        var problem = await nul.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        problem["errors"]!["name"].Should().NotBeNull(problem.ToJsonString());
        // The JSON reader already refuses an unpaired surrogate escape, naming where it is.
        (await surrogate.ShouldBeProblem(HttpStatusCode.BadRequest, "malformed-request"))["detail"].Str().Should().Contain("$.name");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task A_NUL_in_a_query_value_is_refused_at_validation()
    {
        var response = await _admin.GetAsync($"{Routes.Employees.All}?unit=%00");

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        problem["errors"]!["unit"].Should().NotBeNull(problem.ToJsonString());
    }

    [Fact]
    public async Task A_required_list_left_out_or_null_is_a_validation_error_not_a_500()
    {
        await _admin.EnsureUnit("DISDIK");
        var before = await app.EventCount();

        var missing = await Send(Routes.Positions.All, """{"code":"GURU-X","name":"Guru","unitCode":"DISDIK","kind":"FungsionalKeahlian","level":"AhliPertama"}""");
        var nulled = await Send(Routes.Positions.All, """{"code":"GURU-Y","name":"Guru","unitCode":"DISDIK","requirements":null}""");

        foreach (var response in new[] { missing, nulled })
        {
            var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
            problem["errors"]!["requirements"].Should().NotBeNull(problem.ToJsonString());
        }

        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task The_empty_GUID_as_an_id_is_not_found()
    {
        var start = await _admin.Post(Routes.Cycles.Start(Guid.Empty), new { });
        await start.ShouldBeProblem(HttpStatusCode.NotFound, "cycle-not-found");

        var read = await _admin.GetAsync(Routes.Cycles.One(Guid.Empty));
        read.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public void The_rule_allows_every_other_character_PostgreSQL_stores()
    {
        StorableInput.IsStorable("Dinas Pendidikan dan Kebudayaan Kota Ambon — \U0001F600 tab\there").Should().BeTrue();
        StorableInput.IsStorable("a\0b").Should().BeFalse();
        StorableInput.IsStorable("\ud800").Should().BeFalse();
        StorableInput.IsStorable("\udc00x").Should().BeFalse();
    }

    [Fact]
    public async Task A_number_for_an_enum_that_names_none_of_its_values_is_refused_naming_the_parameter()
    {
        var nip = await _admin.Employee(await _admin.NewUnit());
        var answer = await _admin.GetAsync($"{Routes.Employees.One(nip)}/training-needs?targetPositionKind=-1");
        await answer.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");

        StorableInput.Failures((Kinerja.Domain.Employees.PositionKind)4, "kind").Should().BeEmpty("4 names FungsionalKeahlian");
        StorableInput.Failures((Kinerja.Domain.Employees.PositionKind)(-1), "kind").Should().ContainSingle(f => f.PropertyName == "kind");
    }

    private Task<HttpResponseMessage> Send(string url, string json, string accept = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return _admin.SendAsync(request);
    }
}
