using System.Net;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Talent;
using Kinerja.IntegrationTests.Harness;
using Kinerja.Tools.Generating;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.Talent;

/// <summary>A registry of 1,000 generated ASN (units, people, assessments) and three vacancies opened by BKPSDM.</summary>
public sealed class GeneratedRegistry : ClockedApp, IAsyncLifetime
{
    public const int Employees = 1000;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await new CityGenerator(Services.GetRequiredService<IServiceScopeFactory>()).Generate(Employees, 7, CancellationToken.None, registryOnly: true);
        var admin = As(Roles.HrAdmin);
        await Vacancy(admin, "GURU-MUDA", "Guru Ahli Muda SMP", "FungsionalKeahlian", "AhliMuda", "TEKNIS.PEMBELAJARAN");
        await Vacancy(admin, "PERAWAT-MAHIR", "Perawat Mahir Puskesmas", "FungsionalKeterampilan", "Mahir", "TEKNIS.PELAYANAN-KESEHATAN");
        await Vacancy(admin, "PENGADMINISTRASI", "Pengadministrasi Umum", "Pelaksana", null, "TEKNIS.ADMINISTRASI");
        await Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(120));
    }

    private static async Task Vacancy(HttpClient admin, string code, string name, string kind, string? level, string technical)
    {
        object[] requirements = [new { code = technical, minLevel = 3 }, new { code = "MANAJERIAL.KERJASAMA", minLevel = 3 }, new { code = "MANAJERIAL.KOMUNIKASI", minLevel = 3 }];
        var created = await admin.Post(Routes.Positions.All, new { code, name, unitCode = "DISDIK", kind, level, requirements, vacancies = 1 });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }
}

public sealed class CrediblePlacementOnAGeneratedCityApiTests(GeneratedRegistry app) : IClassFixture<GeneratedRegistry>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);

    private async Task<Position> PositionOf(string nip)
    {
        var position = (await (await _admin.GetAsync(Routes.Employees.One(nip))).Json())["placement"]!["position"]!;
        var level = position["level"]?.GetValue<string>();
        return new Position(position["title"].Str(), Enum.Parse<PositionKind>(position["kind"].Str()), level is null ? null : Enum.Parse<PositionLevel>(level));
    }

    private async Task<JsonArray> TopTen(string code) =>
        (await (await _admin.GetAsync($"{Routes.Positions.Candidates(code)}?limit=10")).Json())["items"]!.AsArray();

    /// <summary>The first ten candidates with the post each holds.</summary>
    private async Task<IReadOnlyList<(JsonNode Candidate, Position Held)>> TopTenHolding(string code)
    {
        var top = await TopTen(code);
        top.Should().HaveCount(10);
        var held = new List<(JsonNode, Position)>();
        foreach (var candidate in top)
        {
            held.Add((candidate!, await PositionOf(candidate!["nip"].Str())));
        }

        return held;
    }

    [Fact]
    public async Task The_top_candidates_for_a_guru_ahli_muda_vacancy_are_teachers_none_of_them_above_the_post_and_each_explained()
    {
        foreach (var (candidate, held) in await TopTenHolding("GURU-MUDA"))
        {
            PlacementRules.PathOf(held.Kind, held.Title)?.Path.Should().Be("Guru", held.Title);
            held.Level.Should().BeOneOf([PositionLevel.AhliPertama, PositionLevel.AhliMuda], "an Ahli Madya teacher is not offered a step down");
            candidate["fit"]!["pathFit"].Str().Should().Be("same-path");
            candidate["fit"]!["reasons"]!.AsArray().Should().HaveCountGreaterThanOrEqualTo(4);
            candidate["fit"]!["met"]!.AsArray().Select(m => m!["code"].Str()).Should().Contain("TEKNIS.PEMBELAJARAN", "the core competency weighs most");
        }
    }

    [Fact]
    public async Task The_top_candidates_for_a_health_post_are_health_staff()
    {
        var top = await TopTenHolding("PERAWAT-MAHIR");

        top.Select(t => PlacementRules.PathOf(t.Held.Kind, t.Held.Title)?.Rumpun).Should().AllBe("Kesehatan");
    }

    [Fact]
    public async Task A_teacher_is_recommended_the_teaching_post_and_never_a_pelaksana_post_below_them()
    {
        var teacher = (await TopTen("GURU-MUDA"))[0]!["nip"].Str();

        var recommended = await (await _admin.GetAsync($"{Routes.Employees.PlacementRecommendations(teacher)}?limit=50")).Json();

        var codes = recommended["items"]!.AsArray().Select(i => i!["code"].Str()).ToList();
        codes.Should().Contain("GURU-MUDA").And.NotContain("PENGADMINISTRASI").And.NotContain("PERAWAT-MAHIR");
    }
}
