using System.Net.Http.Json;
using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Service;

/// <summary>Problems speak Indonesian unless the caller prefers English; the code is the same in both.</summary>
public sealed class ProblemLanguageApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private async Task<(HttpResponseMessage Response, System.Text.Json.Nodes.JsonObject Problem)> Get(string url, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (language is not null)
        {
            request.Headers.Add("Accept-Language", language);
        }

        var response = await app.As(Roles.HrAdmin).SendAsync(request);
        return (response, await response.ShouldBeProblem(HttpStatusCode.NotFound, "employee-not-found"));
    }

    [Fact]
    public async Task An_unknown_employee_is_told_in_indonesian_by_default_and_in_english_on_request_with_the_same_code()
    {
        var nip = Given.PnsNip();

        var (indonesian, problem) = await Get(Routes.Employees.One(nip), null);
        problem["title"].Str().Should().Be("Pegawai tidak ditemukan.");
        problem["detail"].Str().Should().StartWith("Pegawai tidak ditemukan. Rincian: ").And.Contain(nip);
        indonesian.Content.Headers.ContentLanguage.Should().Equal("id");

        var (english, inEnglish) = await Get(Routes.Employees.One(nip), "en-US,en;q=0.9,id;q=0.5");
        inEnglish["title"].Str().Should().Be("The employee was not found.");
        inEnglish["detail"].Str().Should().Contain(nip).And.NotContain("Rincian");
        english.Content.Headers.ContentLanguage.Should().Equal("en");
    }

    [Fact]
    public async Task A_refused_validation_and_a_missing_token_speak_indonesian_too()
    {
        var invalid = await app.As(Roles.HrAdmin).Post(Routes.Units.All, new { code = "", name = "" });
        var problem = await invalid.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        problem["title"].Str().Should().Be("Satu atau lebih isian tidak valid.");
        problem["detail"].Str().Should().Be("Satu atau lebih isian tidak valid.");
        problem["errors"]!.AsObject().Should().ContainKey("code");
        problem["errors"]!["name"]![0].Str().Should().Be("'Name' tidak boleh kosong.", "the validators' own rules speak the caller's language too");
        using var inEnglish = new HttpRequestMessage(HttpMethod.Post, Routes.Units.All)
        {
            Content = JsonContent.Create(new { code = "", name = "" }), Headers = { { "Accept-Language", "en" } },
        };
        var english = await (await app.As(Roles.HrAdmin).SendAsync(inEnglish)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        english["errors"]!["name"]![0].Str().Should().Be("'Name' must not be empty.");

        var anonymous = await app.Anonymous().GetAsync(Routes.Employees.All);
        (await anonymous.ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated"))["title"].Str().Should().Be("Token bearer yang sah diperlukan.");
    }

    [Fact]
    public async Task The_services_own_field_messages_speak_the_callers_language_and_refuse_the_same_way()
    {
        HttpRequestMessage Register(string? language)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Routes.Units.All) { Content = JsonContent.Create(new { code = "!", name = "Dinas Uji" }) };
            if (language is not null)
            {
                request.Headers.Add("Accept-Language", language);
            }

            return request;
        }

        var before = await app.EventCount();
        using var inIndonesian = Register(null);
        var problem = await (await app.As(Roles.HrAdmin).SendAsync(inIndonesian)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        problem["errors"]!["code"]![0].Str().Should().Be("harus 2–32 huruf, angka, atau tanda hubung, diawali huruf atau angka");

        using var inEnglish = Register("en");
        var english = await (await app.As(Roles.HrAdmin).SendAsync(inEnglish)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        english["errors"]!["code"]![0].Str().Should().Be("must be 2-32 letters, digits or hyphens, starting with a letter or digit");

        var cursor = await app.As(Roles.HrAdmin).GetAsync(Routes.Employees.All + "?cursor=not-a-cursor");
        (await cursor.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed"))["errors"]!["cursor"]![0].Str()
            .Should().Be("bukan kursor yang diterbitkan API ini untuk urutan ini");
        (await app.EventCount()).Should().Be(before, "a refused request appends nothing, in either language");
    }

    [Fact]
    public async Task A_rule_of_the_domain_refusing_a_field_speaks_the_callers_language_too()
    {
        async Task<string> NipMessage(string? language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Routes.Employees.All)
            {
                Content = JsonContent.Create(Given.EmployeeBody("198609262015053001", "DISDIK")),
            };
            if (language is not null)
            {
                request.Headers.Add("Accept-Language", language);
            }

            var problem = await (await app.As(Roles.HrAdmin).SendAsync(request)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
            return problem["errors"]!["nip"]![0].Str();
        }

        var before = await app.EventCount();
        (await NipMessage(null)).Should().Be("digit 15 (jenis kelamin) harus 1 atau 2");
        (await NipMessage("en")).Should().Be("digit 15 (gender) must be 1 or 2");
        (await app.EventCount()).Should().Be(before);
    }
}
