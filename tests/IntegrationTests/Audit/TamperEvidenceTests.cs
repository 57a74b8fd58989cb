using System.Net;
using System.Text.Json.Nodes;
using Kinerja.Api.Audit;
using Kinerja.Api.Http;
using Kinerja.Application.Audit;
using Kinerja.Application.Common;
using Kinerja.Infrastructure.Audit;
using Kinerja.IntegrationTests.Harness;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.IntegrationTests.Audit;

/// <summary>
/// One test per way a database writer could rewrite history (decision 127), each on a host of its own so no other breakage colours the
/// verdict: what the keyed chain catches (a timestamp, a header, a chain recomputed without the key) and what the stream heads in a digest
/// archived outside the database catch (the last event of a stream, or a whole stream, deleted together with its seals).
/// </summary>
public sealed class TamperEvidenceTests
{
    [Fact]
    public async Task Deleting_the_last_event_of_a_stream_with_its_seal_passes_the_chain_check_but_not_the_archived_digest() => await Tampered(async (app, t) =>
    {
        await TestDatabase.Execute($"delete from {app.Schema}.mt_events where stream_id = '{t.Stream}' and version = 2; " +
                                   $"update {app.Schema}.mt_streams set version = 1 where id = '{t.Stream}'");
        await using (var forger = app.Store.LightweightSession())
        {
            forger.Delete<EventSeal>(EventSeal.IdFor(t.Stream, 2));
            await forger.SaveChangesAsync();
        }

        (await t.Intact()).Should().BeTrue("the chain that is left is consistent: only the head shows the loss");
        (await t.ArchiveCheck()).Should().Be(1);
        var check = await t.KeptCheck();
        (check["matches"]!.GetValue<bool>(), check["broken"]!.AsArray().Count).Should().Be((false, 0));
    });

    [Fact]
    public async Task Deleting_a_whole_stream_with_its_seals_changes_the_stream_count_and_fails_the_archived_digest() => await Tampered(async (app, t) =>
    {
        await TestDatabase.Execute($"delete from {app.Schema}.mt_events where stream_id = '{t.Stream}'; delete from {app.Schema}.mt_streams where id = '{t.Stream}'");
        await using (var forger = app.Store.LightweightSession())
        {
            forger.DeleteWhere<EventSeal>(s => s.StreamId == t.Stream);
            await forger.SaveChangesAsync();
        }

        (await t.ArchiveCheck()).Should().Be(1);
        var check = await t.KeptCheck();
        (check["matches"]!.GetValue<bool>(), check["streamsThen"]!.GetValue<long>()).Should().Be((false, t.Kept.Streams - 1));
    });

    [Fact]
    public async Task Changing_an_event_s_timestamp_breaks_its_link() => await Tampered(async (app, t) =>
    {
        await TestDatabase.Execute($"update {app.Schema}.mt_events set timestamp = timestamp - interval '3 days' where stream_id = '{t.Stream}' and version = 1");

        await t.ShouldBeBrokenAt(1, "no longer matches");
        (await t.ArchiveCheck()).Should().Be(1);
    });

    [Theory]
    [InlineData("""{"reason": "dipalsukan"}""")]
    [InlineData("""{"approved-by": "kepala-bkpsdm"}""")]
    public async Task Changing_or_adding_any_header_of_an_event_breaks_its_link(string header) => await Tampered(async (app, t) =>
    {
        await TestDatabase.Execute($"update {app.Schema}.mt_events set headers = coalesce(headers, '{{}}'::jsonb) || '{header}'::jsonb " +
                                   $"where stream_id = '{t.Stream}' and version = 2");

        await t.ShouldBeBrokenAt(2, "no longer matches");
    });

    [Fact]
    public async Task A_rewritten_event_sealed_anew_without_the_chain_key_is_caught_however_the_forger_computes_the_chain() => await Tampered(async (app, t) =>
    {
        await using var forger = app.Store.LightweightSession();
        var original = (await forger.Events.FetchStreamAsync(t.Stream))[0];
        await TestDatabase.Execute($"update {app.Schema}.mt_events set data = jsonb_set(data, '{{fullName}}', '\"Orang Lain\"') where id = '{original.Id}'");
        var rows = await t.StoredRows(t.Stream);

        // What a writer of the database can compute: the unkeyed chain, or a keyed one with a key of their own.
        var unkeyed = new ChainKey(null);
        var guessed = new ChainKey("a-key-the-forger-made-up-0123456789");
        foreach (var (key, scheme) in new[] { (unkeyed, (string?)null), (guessed, ChainKey.Scheme) })
        {
            var previous = ChainHash.Genesis;
            foreach (var row in rows)
            {
                var hash = key.Seal(previous, row);
                forger.Store(new EventSeal(EventSeal.IdFor(row.StreamId, row.Version), row.StreamId, row.Version, previous, hash, scheme));
                previous = hash;
            }

            await forger.SaveChangesAsync();
            await t.ShouldBeBrokenAt(1, scheme is null ? "sealed without the chain key" : "no longer matches");
        }

        (await t.ArchiveCheck()).Should().Be(1);
    });

    [Fact]
    public async Task A_database_sealed_before_the_chain_key_reads_as_unkeyed_until_reseal_chains_seals_it_anew_with_the_same_keyed_chain() =>
        await Tampered(async (app, t) =>
        {
            // The state of a database sealed before the key existed: every link unkeyed, computed from the rows as they are.
            var streams = new List<Guid>();
            await using (var connection = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionString))
            {
                await connection.OpenAsync();
                await using var command = new Npgsql.NpgsqlCommand($"select distinct stream_id from {app.Schema}.mt_events where type <> 'tombstone'", connection);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    streams.Add(reader.GetGuid(0));
                }
            }

            await using (var session = app.Store.LightweightSession())
            {
                foreach (var stream in streams)
                {
                    var previous = ChainHash.Genesis;
                    foreach (var row in await t.StoredRows(stream))
                    {
                        var hash = ChainHash.Compute(previous, row);
                        session.Store(new EventSeal(EventSeal.IdFor(row.StreamId, row.Version), row.StreamId, row.Version, previous, hash));
                        previous = hash;
                    }
                }

                await session.SaveChangesAsync();
            }

            await t.ShouldBeBrokenAt(1, "sealed without the chain key");

            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ChainResealer>().Reseal(CancellationToken.None);

            (result.Resealed, result.Broken.Count, result.Digest!.Scheme).Should().Be((streams.Count, 0, ChainKey.Scheme));
            (await t.Intact()).Should().BeTrue();
            (await t.ArchiveCheck()).Should().Be(0, "resealing an intact history with the same key gives back the keyed chain the digest covered");
            var again = await scope.ServiceProvider.GetRequiredService<ChainResealer>().Reseal(CancellationToken.None);
            (again.Resealed, again.AlreadyKeyed).Should().Be((0, streams.Count), "a second run finds every stream keyed and intact");
        });

    /// <summary>A host with a digest archive of its own, a unit and an employee transferred once (a stream of two events), and a digest taken.</summary>
    private static async Task Tampered(Func<KinerjaApp, Scene, Task> tamper)
    {
        var archive = Directory.CreateTempSubdirectory("kinerja-digests-");
        var app = new KinerjaApp { Settings = new Dictionary<string, string> { [DigestArchive.Setting] = archive.FullName, ["Kinerja:Audit:DailyDigest"] = "false" } };
        await app.InitializeAsync();
        try
        {
            var admin = app.As(Roles.HrAdmin);
            await admin.EnsureUnit("DISDIK");
            await admin.EnsureUnit("DINKES");
            var nip = await admin.Employee("DISDIK");
            (await admin.Post(Routes.Employees.Transfers(nip), Given.TransferBody("DINKES"))).StatusCode.Should().Be(HttpStatusCode.OK);
            var auditor = app.As(Roles.Auditor);
            var stream = (await Json(auditor, Routes.Audit.History(nip)))["items"]![0]!["streamId"]!.GetValue<Guid>();
            ChainDigest kept;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                kept = await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordDigest(CancellationToken.None);
            }

            var scene = new Scene(app, auditor, nip, stream, kept);
            (await scene.ArchiveCheck()).Should().Be(0, "nothing was changed yet");
            await tamper(app, scene);
        }
        finally
        {
            await app.DisposeAsync();
            archive.Delete(recursive: true);
        }
    }

    private static async Task<JsonObject> Json(HttpClient client, string url) => (await (await client.GetAsync(url)).Json()).AsObject();

    private sealed record Scene(KinerjaApp App, HttpClient Auditor, string Nip, Guid Stream, ChainDigest Kept)
    {
        public async Task<bool> Intact() => (await Json(Auditor, Routes.Audit.Verification(Nip)))["intact"]!.GetValue<bool>();

        public async Task ShouldBeBrokenAt(long version, string problem)
        {
            var verification = await Json(Auditor, Routes.Audit.Verification(Nip));
            verification["intact"]!.GetValue<bool>().Should().BeFalse(verification.ToJsonString());
            verification.ToJsonString().Should().Contain($"\"firstBrokenVersion\":{version}").And.Contain(problem);
        }

        /// <summary><c>verify-digest --archive</c>: 0 when every archived digest still matches, 1 when one does not.</summary>
        public Task<int> ArchiveCheck() => VerifyDigestCommand.Run(App.Services, [VerifyDigestCommand.Archive]);

        public Task<JsonObject> KeptCheck() => Json(Auditor,
            $"{Routes.Audit.DigestVerification}?digest={Kept.Digest}&recordedAt={Uri.EscapeDataString(Kept.RecordedAt.ToString("O"))}" +
            $"&throughSequence={Kept.ThroughSequence}&streams={Kept.Streams}");

        /// <summary>The stream's rows as stored, which is all a forger with database access has to recompute a chain from.</summary>
        public async Task<IReadOnlyList<ChainHash.Content>> StoredRows(Guid stream)
        {
            await using var session = App.Store.QuerySession();
            var events = await session.Events.FetchStreamAsync(stream);
            var rows = new List<ChainHash.Content>();
            foreach (var e in events)
            {
                var data = (string)(await TestDatabase.Scalar($"select data::text from {App.Schema}.mt_events where id = '{e.Id}'"))!;
                rows.Add(new ChainHash.Content(e.StreamId, e.Version, e.EventTypeName, data, e.UserName, e.CorrelationId, e.CausationId,
                    e.Headers?.GetValueOrDefault("role")?.ToString(), e.Headers?.GetValueOrDefault("actor-nip")?.ToString(),
                    e.Headers?.GetValueOrDefault("reason")?.ToString(), e.Headers?.GetValueOrDefault("actor-account")?.ToString(), e.Timestamp));
            }

            return rows;
        }
    }
}
