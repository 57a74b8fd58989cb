using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Domain.Employees;
using Kinerja.IntegrationTests.Harness;
using Marten;

namespace Kinerja.IntegrationTests.Employees;

public sealed class IdempotencyAndMetadataApiTests(KinerjaApp app) : IClassFixture<KinerjaApp>, IAsyncLifetime
{
    private readonly HttpClient _portal = app.As(Roles.Portal, name: "portal-maluku");

    public Task InitializeAsync() => app.As(Roles.HrAdmin).EnsureUnit("KOMINFO");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_retried_POST_with_the_same_key_and_body_returns_the_first_answer_and_appends_nothing()
    {
        var body = Given.EmployeeBody(Given.PnsNip(), "KOMINFO");
        var first = await _portal.Post(Routes.Employees.All, body, idempotencyKey: "sync-2026-11-28-0001");
        first.StatusCode.Should().Be(HttpStatusCode.Created);
        var afterFirst = await app.EventCount();

        var retry = await _portal.Post(Routes.Employees.All, body, idempotencyKey: "sync-2026-11-28-0001");
        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        retry.Headers.Location.Should().Be(first.Headers.Location);
        retry.Headers.ETag.Should().Be(first.Headers.ETag);
        retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await retry.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        (await app.EventCount()).Should().Be(afterFirst);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_409_and_appends_nothing()
    {
        await _portal.Post(Routes.Employees.All, Given.EmployeeBody(Given.PnsNip(), "KOMINFO"), idempotencyKey: "sync-reused");
        var before = await app.EventCount();
        var other = await _portal.Post(Routes.Employees.All, Given.EmployeeBody(Given.PnsNip(), "KOMINFO"), idempotencyKey: "sync-reused");
        await other.ShouldBeProblem(HttpStatusCode.Conflict, "idempotency-key-reused");
        (await app.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task A_refused_request_does_not_burn_its_key()
    {
        var nip = Given.PnsNip();
        var refused = await _portal.Post(Routes.Employees.All, Given.EmployeeBody(nip, "LATE-UNIT"), idempotencyKey: "sync-refused-then-fixed");
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        await app.As(Roles.HrAdmin).Unit("LATE-UNIT");
        var accepted = await _portal.Post(Routes.Employees.All, Given.EmployeeBody(nip, "LATE-UNIT"), idempotencyKey: "sync-refused-then-fixed");
        accepted.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Every_event_records_the_acting_user_role_correlation_causation_and_reason()
    {
        var nip = Given.PnsNip();
        var created = await _portal.Post(Routes.Employees.All, Given.EmployeeBody(nip, "KOMINFO"),
            headers: [("X-Correlation-Id", "portal-batch-77"), ("X-Reason", "SK Walikota 800/123/2026")]);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        Guid id;
        await using (var lookup = app.Store.QuerySession())
        {
            id = (await lookup.Query<EmployeeProfile>().FirstAsync(p => p.Nip == nip)).Id;
        }

        await app.As(Roles.HrAdmin, name: "budi.bkpsdm")
            .Post(Routes.Employees.NipCorrections(nip), new { newNip = Given.PnsNip(), reason = "Koreksi NIP dari BKN" });

        await using var session = app.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id);

        var registered = events[0];
        registered.UserName.Should().Be("portal-maluku");
        registered.CorrelationId.Should().Be("portal-batch-77");
        registered.CausationId.Should().StartWith("RegisterEmployee/");
        registered.Headers!["role"].ToString().Should().Be(Roles.Portal);
        registered.Headers!["reason"].ToString().Should().Be("SK Walikota 800/123/2026");

        var corrected = events[1];
        corrected.Data.Should().BeOfType<NipCorrected>();
        corrected.UserName.Should().Be("budi.bkpsdm");
        corrected.CausationId.Should().StartWith("CorrectNip/");
        corrected.Headers!["role"].ToString().Should().Be(Roles.HrAdmin);
        corrected.Headers!["reason"].ToString().Should().Be("Koreksi NIP dari BKN");
    }
}
