using System.Net;
using System.Net.Http.Json;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Infrastructure.Integration;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Common;

/// <summary>Idempotency keys (30 days) and failed webhook delivery attempts (90 days) are forgotten by the service's clock.</summary>
public sealed class RetentionTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _portal = app.As(Roles.Portal, name: "portal-maluku");

    [Fact]
    public async Task A_key_is_forgotten_after_30_days_and_a_failed_delivery_after_90_each_by_its_own_age()
    {
        await app.As(Roles.HrAdmin).EnsureUnit("KOMINFO");
        (await _portal.Post(Routes.Employees.All, Given.EmployeeBody(Given.PnsNip(), "KOMINFO"), idempotencyKey: "sync-retention")).StatusCode
            .Should().Be(HttpStatusCode.Created);
        await (await _portal.Post(Routes.Employees.All, Given.EmployeeBody(Given.PnsNip(), "KOMINFO"), idempotencyKey: "sync-retention"))
            .ShouldBeProblem(HttpStatusCode.Conflict, "idempotency-key-reused");
        // A subscription to an event type nothing here produces, so its only failures are the two recorded by hand.
        var subscription = (await (await _portal.PostAsJsonAsync(Routes.WebhookSubscriptions.All, new
        {
            url = "https://127.0.0.1:9/hooks", secret = "portal-shared-secret-0123456789", eventTypes = new[] { "award.granted" },
        })).Json())["id"]!.GetValue<Guid>();
        var early = await RecordFailure(subscription);

        app.Clock.Advance(TimeSpan.FromDays(31));
        // The job runs on the service's clock; until it has, the key is still known and the request is refused.
        await Eventually.Holds(async () =>
                (await _portal.Post(Routes.Employees.All, Given.EmployeeBody(Given.PnsNip(), "KOMINFO"), idempotencyKey: "sync-retention")).StatusCode
                == HttpStatusCode.Created,
            TimeSpan.FromSeconds(30), () => "the key was still remembered 31 days after its first use");
        (await FailedEvents(subscription)).Should().Equal([early], "the same pass kept a 31-day-old failure");

        var later = await RecordFailure(subscription);
        app.Clock.Advance(TimeSpan.FromDays(60));
        await Eventually.Holds(async () => !(await FailedEvents(subscription)).Contains(early),
            TimeSpan.FromSeconds(30), () => "a failure was still listed 91 days after its attempt");
        (await FailedEvents(subscription)).Should().Equal([later], "the same pass kept a 60-day-old failure");
    }

    private async Task<Guid> RecordFailure(Guid subscription)
    {
        var eventId = Guid.NewGuid();
        await using var session = app.Store.LightweightSession();
        session.Insert(new WebhookFailure(Guid.NewGuid(), subscription, 1, eventId, "award.granted", 1, app.Clock.GetUtcNow(), 503, "Service Unavailable"));
        await session.SaveChangesAsync();
        return eventId;
    }

    private async Task<Guid[]> FailedEvents(Guid subscription)
    {
        var failures = await (await _portal.GetAsync($"{Routes.WebhookSubscriptions.One(subscription)}/failed-deliveries")).Json();
        return [.. failures["items"]!.AsArray().Select(f => f!["eventId"]!.GetValue<Guid>())];
    }
}
