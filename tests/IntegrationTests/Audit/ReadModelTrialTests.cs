using Kinerja.Api.Http;
using Kinerja.Application.Audit.TryingReadModels;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.Audit;

public sealed class ReadModelTrialTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    [Fact]
    public async Task A_trial_rebuild_reports_exactly_the_field_changed_behind_the_applications_back_and_nothing_when_untouched()
    {
        var admin = app.As(Roles.HrAdmin);
        await admin.EnsureUnit("DISDIK");
        await admin.EnsureUnit("DINKES");
        var nip = await admin.Employee("DISDIK");
        await admin.Post(Routes.Employees.Transfers(nip), Given.TransferBody("DINKES"));
        // The trial compares the live documents of async projections too: they must have caught up with these events first.
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var clean = await Trial(null);
        clean.Differences.Should().BeEmpty();
        clean.DocumentsCompared.Should().BeGreaterThan(4, "units, profiles, states and the stream index were compared");

        var id = clean.Projections.Should().Contain(p => p.Contains("EmployeeProfile")).Which;
        await TestDatabase.Execute(
            $"update {app.Schema}.mt_doc_employeeprofile set data = jsonb_set(data, '{{placements,1,unitCode}}', '\"DISDIK\"') where data->>'nip' = '{nip}'");

        var one = await Trial(id);
        one.Projections.Should().Equal(id);
        var difference = one.Differences.Should().ContainSingle().Which;
        (difference.Projection, difference.Path, difference.Live, difference.Rebuilt).Should().Be((id, "$.placements[1].unitCode", "\"DISDIK\"", "\"DINKES\""));
        (await Trial(null)).Differences.Should().Equal(one.Differences);

        var unknown = async () => await Trial("NoSuchProjection");
        (await unknown.Should().ThrowAsync<NotFound>()).Which.Code.Should().Be("projection-not-found");
        clean.Projections.Should().NotContain("Appraisal", "the appraisal's decision state is folded live and stores nothing (decision 064)");
        (await TestDatabase.Scalar($"select count(*) from information_schema.schemata where schema_name like 'trial_%'")).Should().Be(0L,
            "every scratch schema is dropped afterwards");
    }

    private async Task<ReadModelTrialReport> Trial(string? projection)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IReadModelTrial>().Run(projection, CancellationToken.None);
    }
}
