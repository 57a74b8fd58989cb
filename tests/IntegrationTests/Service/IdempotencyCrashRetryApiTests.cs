using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Infrastructure.Common;
using Kinerja.IntegrationTests.Harness;
using Marten;

namespace Kinerja.IntegrationTests.Service;

/// <summary>
/// A retry after a crash: the command committed, but its answer was never kept and its claim is gone. The key committed with
/// the events, so the retry answers as the first time and appends nothing (decision 137).
/// </summary>
public sealed class IdempotencyCrashRetryApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    [Theory]
    [InlineData(false, "umpan-balik-kedaluwarsa")]
    [InlineData(true, "umpan-balik-dilepas")]
    public async Task A_retry_whose_claim_expired_or_was_released_after_the_commit_answers_as_the_first_time_and_appends_nothing(bool claimDeleted, string key)
    {
        var (feedback, giver, body) = await FeedbackTo(key);
        var before = await app.EventCount();

        var first = await giver.Post(feedback, body, idempotencyKey: key);
        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        (await app.EventCount()).Should().Be(before + 1);

        await Crash(key, claimDeleted);
        var retry = await giver.Post(feedback, body, idempotencyKey: key);

        retry.StatusCode.Should().Be(first.StatusCode, await retry.Content.ReadAsStringAsync());
        (await retry.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        retry.Headers.ETag.Should().Be(first.Headers.ETag);
        (await app.EventCount()).Should().Be(before + 1, "the retry found the command's own events and appended nothing");

        // Once answered again the claim holds the answer, and a further retry is an ordinary replay.
        var again = await giver.Post(feedback, body, idempotencyKey: key);
        again.Headers.GetValues(IdempotencyMiddleware.ReplayedHeader).Should().Equal("true");
        (await again.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        (await app.EventCount()).Should().Be(before + 1);
    }

    [Fact]
    public async Task A_retry_with_another_body_after_the_claim_was_released_is_refused_and_appends_nothing()
    {
        const string key = "umpan-balik-lain";
        var (feedback, giver, body) = await FeedbackTo(key);
        var first = await giver.Post(feedback, body, idempotencyKey: key);
        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var before = await app.EventCount();

        await Crash(key, claimDeleted: true);
        var other = await giver.Post(feedback, new { source = "Peer", scores = new { Harmonis = 2 } }, idempotencyKey: key);

        other.StatusCode.Should().Be(HttpStatusCode.Conflict, await other.Content.ReadAsStringAsync());
        (await other.Content.ReadAsStringAsync()).Should().Contain("idempotency-key-reused");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task The_key_is_committed_in_the_same_transaction_as_the_events_and_a_refused_command_leaves_none()
    {
        const string key = "umpan-balik-ditolak";
        var (feedback, giver, _) = await FeedbackTo(key);

        var refused = await giver.Post(feedback, new { source = "Peer", scores = new { TidakAda = 4 } }, idempotencyKey: key);
        refused.IsSuccessStatusCode.Should().BeFalse(await refused.Content.ReadAsStringAsync());
        (await Receipts(key)).Should().BeEmpty("nothing was appended, so nothing was committed under the key");

        var accepted = await giver.Post(feedback, new { source = "Peer", scores = new { Harmonis = 4 } }, idempotencyKey: "umpan-balik-diterima");
        accepted.StatusCode.Should().Be(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var receipt = (await Receipts("umpan-balik-diterima")).Should().ContainSingle().Subject;
        receipt.Streams.Should().NotBeEmpty();
        receipt.Written.Should().NotBeNull();
        (await accepted.Content.ReadAsStringAsync()).Should().Contain(receipt.Written!.Key, "the receipt holds what the command answered");
    }

    private async Task<(string Feedback, HttpClient Giver, object Body)> FeedbackTo(string key)
    {
        var admin = app.As(Roles.HrAdmin);
        var (school, _, kepalaSekolah, guru) = await admin.School();
        var peer = await admin.Employee(school, supervisorNip: kepalaSekolah);
        var cycle = await admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), [school]);
        await admin.Open(cycle, guru);
        return ($"{Routes.Appraisals.One(cycle, guru)}/feedback", app.As(Roles.Employee, peer, name: "rekan." + key), new { source = "Peer", scores = new { Harmonis = 4 } });
    }

    /// <summary>The process died after the commit: the answer was never kept, and the claim expired (or was released).</summary>
    private async Task Crash(string key, bool claimDeleted)
    {
        await using var session = app.Store.LightweightSession();
        var claim = (await session.Query<IdempotencyRecord>().ToListAsync()).Single(r => r.Id.EndsWith("|" + key, StringComparison.Ordinal));
        if (claimDeleted)
        {
            session.Delete(claim);
        }
        else
        {
            session.Store(claim with { Response = null });
        }

        await session.SaveChangesAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(3));
    }

    private async Task<IReadOnlyList<IdempotencyReceipt>> Receipts(string key)
    {
        await using var query = app.Store.QuerySession();
        return (await query.Query<IdempotencyReceipt>().ToListAsync()).Where(r => r.Id.EndsWith("|" + key, StringComparison.Ordinal)).ToList();
    }
}
