using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Audit;
using Kinerja.Application.Common;
using Kinerja.Domain.Employees;
using Kinerja.Infrastructure.Audit;
using Kinerja.IntegrationTests.Harness;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.Audit;

/// <summary>
/// The case the kept digest exists for (decision 006): a rewrite of events together with their seals, which every chain check passes. A
/// schema of its own, so that no stream broken by another test colours the verdict.
/// </summary>
public sealed class DigestRewriteTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);
    private readonly HttpClient _auditor = app.As(Roles.Auditor);

    [Fact]
    public async Task A_history_rewritten_together_with_its_seals_passes_every_chain_check_but_not_the_kept_digest()
    {
        await _admin.EnsureUnit("DISDIK");
        var nip = await _admin.Employee("DISDIK");
        var stream = (await (await _auditor.GetAsync(Routes.Audit.History(nip))).Json())["items"]![0]!["streamId"]!.GetValue<Guid>();
        var kept = await RecordDigest();

        // Someone with write access to the tables drops the stream and its seals and writes a "better" history through the store, which seals
        // it anew: every chain is consistent again.
        await using (var forger = app.Store.LightweightSession())
        {
            var registered = (EmployeeRegistered)(await forger.Events.FetchStreamAsync(stream))[0].Data;
            await TestDatabase.Execute($"delete from {app.Schema}.mt_events where stream_id = '{stream}'; delete from {app.Schema}.mt_streams where id = '{stream}'");
            forger.DeleteWhere<EventSeal>(s => s.StreamId == stream);
            await forger.SaveChangesAsync();
            forger.Events.StartStream(stream, registered with { FullName = "Orang Lain" });
            await forger.SaveChangesAsync();
        }

        (await (await _auditor.GetAsync(Routes.Audit.Verification(nip))).Json())["intact"]!.GetValue<bool>().Should().BeTrue();
        var check = await _auditor.Read<JsonObject>(
            $"{Routes.Audit.DigestVerification}?digest={kept.Digest}&recordedAt={Uri.EscapeDataString(kept.RecordedAt.ToString("O"))}&throughSequence={kept.ThroughSequence}");
        check["matches"]!.GetValue<bool>().Should().BeFalse();
        check["broken"]!.AsArray().Select(b => b!["streamId"]!.GetValue<Guid>()).Should().NotContain(stream);
        check["verdict"].Str().Should().StartWith("The history the digest covers was changed after the digest was taken, and every chain is consistent today");
        check["changedSince"]!["items"]!.AsArray().Single(c => c!["streamId"]!.GetValue<Guid>() == stream)!["versionThen"]
            .Should().BeNull("the stream's only event is now later than the digest's heads");
    }

    private async Task<ChainDigest> RecordDigest()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordDigest(CancellationToken.None);
    }
}
