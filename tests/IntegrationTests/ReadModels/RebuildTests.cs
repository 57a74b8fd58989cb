using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Appraisals;
using Kinerja.Application.Audit;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Domain.Employees;
using Kinerja.IntegrationTests.Harness;
using Kinerja.Tools.Benchmarking;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.ReadModels;

public sealed class RebuildTests(GeneratedCityApp app) : IClassFixture<GeneratedCityApp>
{
    [Fact]
    public async Task Every_read_model_rebuilt_from_wiped_tables_equals_the_one_built_as_the_events_were_appended()
    {
        var rebuild = new ReadModelRebuild(app.Store);
        var types = rebuild.DocumentTypes();
        types.Should().Contain([typeof(EmployeeProfile), typeof(AppraisalRecord), typeof(Kinerja.Application.Training.TrainingGrantRecord)]);
        // The generator corrects no NIP: one correction gives the former-NIP lookup (docs/decisions/066) a document to rebuild.
        await CorrectOneNip();
        // The async models (the talent profiles) must have caught up before their incremental state is the reference.
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var incremental = await Snapshot(types);
        incremental.Values.Should().OnlyContain(docs => docs.Count > 0, "the generated city touches every read model");

        foreach (var type in types)
        {
            await TestDatabase.Execute($"delete from {Table(type)}");
        }

        (await Snapshot(types)).Values.Should().OnlyContain(docs => docs.Count == 0);
        var report = await rebuild.RebuildAll(TimeSpan.FromMinutes(2), CancellationToken.None);

        report.Projections.Should().HaveCount(rebuild.ProjectionNames().Count);
        var rebuilt = await Snapshot(types);
        foreach (var type in types)
        {
            rebuilt[type].Keys.Should().BeEquivalentTo(incremental[type].Keys, $"{type.Name} has the same documents after the rebuild");
            foreach (var (id, json) in incremental[type])
            {
                rebuilt[type][id].Should().Be(json, $"{type.Name} {id} has the same content after the rebuild");
            }
        }
    }

    [Fact]
    public async Task The_generated_city_keeps_intact_hash_chains_on_every_stream()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        var streams = await trail.AllStreams(CancellationToken.None);

        var results = await trail.Verify(streams, CancellationToken.None);

        results.Should().HaveCount(app.City.Streams);
        results.Should().OnlyContain(r => r.FirstBrokenVersion == null);
        // The store's count, not the generator's: the rebuild test may have corrected a NIP first.
        results.Sum(r => r.EventsChecked).Should().Be(await app.EventCount());
    }

    private async Task CorrectOneNip()
    {
        await using var session = app.Store.QuerySession();
        var employee = await session.Query<EmployeeProfile>()
            .Where(p => p.EmploymentType == EmploymentType.PNS && p.EndedOn == null).OrderBy(p => p.Nip).FirstAsync();
        var corrected = await app.As(Roles.HrAdmin)
            .Post(Routes.Employees.NipCorrections(employee.Nip), new { newNip = Given.PnsNip(), reason = "Koreksi NIP dari BKN" });
        corrected.StatusCode.Should().Be(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());
    }

    private async Task<Dictionary<Type, Dictionary<string, string>>> Snapshot(IReadOnlyList<Type> types)
    {
        var snapshot = new Dictionary<Type, Dictionary<string, string>>();
        await using var session = app.Store.QuerySession();
        foreach (var type in types)
        {
            var rows = await session.QueryAsync<string>($"select id::text || ' ' || data::text from {Table(type)}");
            snapshot[type] = rows.ToDictionary(r => r[..r.IndexOf(' ', StringComparison.Ordinal)], r => r[(r.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        }

        return snapshot;
    }

    private string Table(Type type) => app.Store.Options.FindOrResolveDocumentType(type).TableName.QualifiedName;
}
