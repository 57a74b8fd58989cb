using Kinerja.Domain.Employees;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.ReadModels;

public sealed class GeneratorTests
{
    [Fact]
    public async Task The_same_seed_gives_the_same_events_in_the_same_order_and_another_seed_another_city()
    {
        IReadOnlyList<string>[] generated = [await Generated(5), await Generated(5), await Generated(6)];

        generated[0].Should().HaveCountGreaterThan(GeneratedCityApp.Employees * 10);
        generated[1].Should().Equal(generated[0]);
        generated[2].Should().NotEqual(generated[0]);
    }

    [Fact]
    public async Task A_generated_city_has_valid_nips_a_spread_of_predikat_public_feedback_and_completed_training()
    {
        var app = new KinerjaApp();
        await app.InitializeAsync();
        try
        {
            await Check(app, await GeneratedCityApp.Generate(app, 3));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static async Task Check(KinerjaApp app, Kinerja.Tools.Generating.CitySummary city)
    {
        var events = await GeneratedCityApp.EventData(app);

        var types = events.Select(e => e[..e.IndexOf(' ', StringComparison.Ordinal)]).ToHashSet();
        types.Should().Contain(["employee_registered", "competency_assessed", "plan_agreed", "realisation_recorded", "feedback_given",
            "public_feedback_received", "evaluation_approved", "unit_result_recorded", "cycle_closed", "training_grant_completed", "jp_completed"]);
        await using var session = app.Store.QuerySession();
        var nips = await session.QueryAsync<string>($"select data->>'nip' || ' ' || (data->>'employmentType') from {app.Schema}.mt_doc_employeeprofile");
        nips.Should().HaveCount(city.Employees);
        nips.Select(n => n.Split(' ')).Should().OnlyContain(n => Nip.Problem(n[0], Enum.Parse<EmploymentType>(n[1]), new DateOnly(2024, 12, 31)) == null);
        nips.Select(n => n.Split(' ')[1]).Distinct().Should().HaveCount(2, "the city has PNS and PPPK");
        var predikat = await session.QueryAsync<string>(
            $"select distinct data->'evaluation'->>'predikat' from {app.Schema}.mt_doc_appraisalrecord where data->'evaluation'->>'status' = 'Approved'");
        predikat.Should().HaveCountGreaterThanOrEqualTo(2).And.Contain("Baik");
    }

    /// <summary>A city generated into a fresh schema, as its events.</summary>
    private static async Task<IReadOnlyList<string>> Generated(int seed)
    {
        var app = new KinerjaApp();
        await app.InitializeAsync();
        try
        {
            await GeneratedCityApp.Generate(app, seed);
            return await GeneratedCityApp.EventData(app);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
