using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles.GettingCycle;
using Kinerja.Domain;
using Kinerja.Domain.Cycles;
using Kinerja.IntegrationTests.Harness;
using Marten;

namespace Kinerja.IntegrationTests.Audit;

/// <summary>Events and read models stored before actors were records held a plain string: they still read (docs/decisions/077).</summary>
public sealed class LegacyActorApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>
{
    [Fact]
    public async Task An_event_and_a_view_stored_with_a_plain_string_actor_read_as_an_actor_of_that_name()
    {
        var admin = app.As(Roles.HrAdmin);
        await admin.EnsureUnit("DISDIK");
        var cycle = await admin.Cycle(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), ["DISDIK"]);
        await using (var session = app.Store.LightweightSession())
        {
            // What the first edition stored: the event's and the view's actor as a bare string (here a NIP, as the generator wrote).
            session.QueueSqlCommand($"update {app.Schema}.mt_events set data = jsonb_set(data, '{{by}}', to_jsonb(?::text)) where stream_id = ?",
                "198609262015051001", cycle);
            session.QueueSqlCommand($"update {app.Schema}.mt_doc_cyclerecord set data = jsonb_set(data, '{{history,0,by}}', to_jsonb(?::text)) where id = ?",
                "legacy.admin", cycle);
            await session.SaveChangesAsync();
        }

        await using var query = app.Store.QuerySession();
        var created = (CycleCreated)(await query.Events.FetchStreamAsync(cycle))[0].Data;
        created.By.Should().Be(new Actor("198609262015051001", null, null, "198609262015051001"));
        var view = await admin.Read<CycleDetails>(Routes.Cycles.One(cycle));
        view.History[0].By.Should().Be(new Actor(null, null, null, "legacy.admin"));
    }
}
