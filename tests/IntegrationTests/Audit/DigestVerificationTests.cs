using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Kinerja.Api.Audit;
using Kinerja.Api.Http;
using Kinerja.Application.Audit;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.Audit;

/// <summary>A digest copied out of the system, checked later against the chains recomputed from the events as they are then.</summary>
public sealed class DigestVerificationTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin);
    private readonly HttpClient _auditor = app.As(Roles.Auditor);

    [Fact]
    public async Task A_kept_digest_matches_while_history_is_intact_names_what_was_written_since_and_fails_once_an_event_it_covers_is_altered()
    {
        await _admin.EnsureUnit("DISDIK");
        await _admin.EnsureUnit("DINKES");
        var nip = await _admin.Employee("DISDIK");
        var kept = await RecordDigest();
        var stream = (await (await _auditor.GetAsync(Routes.Audit.History(nip))).Json())["items"]![0]!["streamId"]!.GetValue<Guid>();
        (await _admin.Post(Routes.Employees.Transfers(nip), Given.TransferBody("DINKES"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var later = await _admin.Employee("DISDIK");
        var laterStream = (await (await _auditor.GetAsync(Routes.Audit.History(later))).Json())["items"]![0]!["streamId"]!.GetValue<Guid>();

        var intact = await Verify(kept, withSequence: true);
        (intact["matches"]!.GetValue<bool>(), intact["recomputedDigest"].Str(), intact["streamsThen"]!.GetValue<long>(), intact["broken"]!.AsArray().Count)
            .Should().Be((true, kept.Digest, kept.Streams, 0));
        intact["verdict"].Str().Should().StartWith("The history the digest covers is unchanged");
        var changed = intact["changedSince"]!["items"]!.AsArray().ToDictionary(c => c!["streamId"]!.GetValue<Guid>());
        (changed[stream]!["versionThen"]!.GetValue<long>(), changed[stream]!["versionNow"]!.GetValue<long>()).Should().Be((1L, 2L));
        (changed[laterStream]!["versionThen"], changed[laterStream]!["versionNow"]!.GetValue<long>()).Should().Be((null, 1L));
        (await Verify(kept, withSequence: false))["matches"]!.GetValue<bool>().Should().BeTrue("without the sequence the heads are those recorded by the digest's instant");
        var firstPage = await Json($"{Query(kept, true)}&limit=1");
        firstPage["changedSince"]!["items"]!.AsArray().Should().ContainSingle();
        var next = await Json($"{Query(kept, true)}&limit=1&after={firstPage["changedSince"]!["nextCursor"].Str()}");
        next["changedSince"]!["items"]![0]!["streamId"]!.GetValue<Guid>().CompareTo(firstPage["changedSince"]!["items"]![0]!["streamId"]!.GetValue<Guid>())
            .Should().BePositive("the streams written since are ordered by stream id");
        (await VerifyDigestCommand.Run(app.Services, [kept.Digest, kept.RecordedAt.ToString("O"), kept.ThroughSequence!.Value.ToString(CultureInfo.InvariantCulture)]))
            .Should().Be(0);

        await TestDatabase.Execute($"update {app.Schema}.mt_events set data = jsonb_set(data, '{{fullName}}', '\"Orang Lain\"') where stream_id = '{stream}' and version = 1");
        var altered = await Verify(kept, withSequence: true);
        altered["matches"]!.GetValue<bool>().Should().BeFalse();
        altered["recomputedDigest"].Str().Should().NotBe(kept.Digest);
        altered["broken"]!.AsArray().Select(b => (b!["streamId"]!.GetValue<Guid>(), b["firstBrokenVersion"]!.GetValue<long>())).Should().Equal((stream, 1L));
        altered["verdict"].Str().Should().StartWith("The history the digest covers was changed after the digest was taken: 1 streams are broken");
        (await VerifyDigestCommand.Run(app.Services, [kept.Digest, kept.RecordedAt.ToString("O")])).Should().Be(1);
    }

    [Fact]
    public async Task A_digest_that_is_not_one_is_refused_and_only_auditors_may_check_one()
    {
        await (await _auditor.GetAsync($"{Routes.Audit.DigestVerification}?digest=abc&recordedAt=2026-12-01T00:00:00Z"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        foreach (var role in new[] { Roles.Portal, Roles.HrAdmin })
        {
            await (await app.As(role).GetAsync($"{Routes.Audit.DigestVerification}?digest={new string('a', 64)}&recordedAt=2026-12-01T00:00:00Z"))
                .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        }
        (await VerifyDigestCommand.Run(app.Services, ["not-a-file.json"])).Should().Be(2);
    }

    private async Task<ChainDigest> RecordDigest()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordDigest(CancellationToken.None);
    }

    private Task<JsonObject> Verify(ChainDigest kept, bool withSequence) => Json(Query(kept, withSequence));

    private static string Query(ChainDigest kept, bool withSequence) =>
        $"{Routes.Audit.DigestVerification}?digest={kept.Digest}&recordedAt={Uri.EscapeDataString(kept.RecordedAt.ToString("O"))}&streams={kept.Streams}"
        + (withSequence ? $"&throughSequence={kept.ThroughSequence}" : "");

    private async Task<JsonObject> Json(string url)
    {
        var response = await _auditor.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Json();
    }
}
