using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Infrastructure.Audit;
using Kinerja.IntegrationTests.Harness;
using Marten;

namespace Kinerja.IntegrationTests.Audit;

public sealed class DailyDigestTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _auditor = app.As(Roles.Auditor);

    [Fact]
    public async Task A_digest_of_all_stream_heads_is_recorded_at_start_up_and_again_at_each_midnight_WIT_by_the_services_clock()
    {
        var startDay = app.Today;
        var first = await Digest($"daily-{startDay:yyyy-MM-dd}");
        (first["streams"]!.GetValue<long>(), first["digest"].Str())
            .Should().Be((0L, Keyed([])), "the schema held no stream at start-up");

        var admin = app.As(Roles.HrAdmin);
        await admin.EnsureUnit("DISDIK");
        await admin.Employee("DISDIK");
        app.Clock.Advance(TimeSpan.FromDays(1));
        var second = await Digest($"daily-{startDay.AddDays(1):yyyy-MM-dd}");
        (second["streams"]!.GetValue<long>(), second["digest"].Str()).Should().Be((2L, await ExpectedDigest()));

        app.Clock.Advance(TimeSpan.FromDays(1));
        var third = await Digest($"daily-{startDay.AddDays(2):yyyy-MM-dd}");
        third["digest"].Str().Should().Be(second["digest"].Str(), "nothing was written or rewritten in between");

        var list = await (await _auditor.GetAsync($"{Routes.Audit.Digests}?limit=2")).Json();
        list["items"]!.AsArray().Select(i => i!["id"].Str())
            .Should().Equal($"daily-{startDay.AddDays(2):yyyy-MM-dd}", $"daily-{startDay.AddDays(1):yyyy-MM-dd}");
        var older = await (await _auditor.GetAsync($"/api/v1/audit/digests?before={Uri.EscapeDataString(list["nextCursor"].Str())}")).Json();
        older["items"]!.AsArray().Select(i => i!["id"].Str()).Should().Equal($"daily-{startDay:yyyy-MM-dd}");
        await (await app.As(Roles.Portal).GetAsync(Routes.Audit.Digests)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    /// <summary>
    /// HMAC-SHA256 with the chain key over "streams:N" and "stream:version:hash" of each stream's last seal, ordered by stream id, as the
    /// service documents it (decision 127).
    /// </summary>
    private async Task<string> ExpectedDigest()
    {
        await using var session = app.Store.QuerySession();
        return Keyed([.. (await session.Query<EventSeal>().ToListAsync()).GroupBy(s => s.StreamId).Select(g => g.MaxBy(s => s.Version)!)
            .OrderBy(s => s.StreamId).Select(s => $"{s.StreamId:N}:{s.Version}:{s.Hash}")]);
    }

    private static string Keyed(IReadOnlyList<string> heads) => Convert.ToHexStringLower(HMACSHA256.HashData(
        Encoding.UTF8.GetBytes(KinerjaApp.ChainKey), Encoding.UTF8.GetBytes($"streams:{heads.Count}\n{string.Join('\n', heads)}")));

    private async Task<JsonObject> Digest(string id)
    {
        JsonNode? found = null;
        await Eventually.Holds(async () =>
            {
                var items = (await (await _auditor.GetAsync(Routes.Audit.Digests)).Json())["items"]!.AsArray();
                found = items.FirstOrDefault(i => i!["id"].Str() == id);
                return found is not null;
            },
            TimeSpan.FromSeconds(30), () => $"no digest {id} was recorded");
        return found!.AsObject();
    }
}
