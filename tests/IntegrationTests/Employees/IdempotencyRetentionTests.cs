using System.Net;
using Kinerja.Application.Common;
using Kinerja.IntegrationTests.Harness;

namespace Kinerja.IntegrationTests.Employees;

public sealed class IdempotencyRetentionTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _portal = app.As(Roles.Portal, name: "portal-maluku");

    [Fact]
    public async Task A_key_is_forgotten_thirty_days_after_its_first_use_so_it_then_starts_a_new_request()
    {
        await app.As(Roles.HrAdmin).EnsureUnit("KOMINFO");
        (await _portal.Post("/api/v1/employees", Given.EmployeeBody(Given.PnsNip(), "KOMINFO"), idempotencyKey: "sync-retention")).StatusCode
            .Should().Be(HttpStatusCode.Created);
        await (await _portal.Post("/api/v1/employees", Given.EmployeeBody(Given.PnsNip(), "KOMINFO"), idempotencyKey: "sync-retention"))
            .ShouldBeProblem(HttpStatusCode.Conflict, "idempotency-key-reused");

        app.Clock.Advance(TimeSpan.FromDays(31));

        // The retention job runs on the service's clock; until it has, the key is still known and the request is refused.
        HttpStatusCode status = 0;
        await Eventually.Holds(async () =>
            {
                status = (await _portal.Post("/api/v1/employees", Given.EmployeeBody(Given.PnsNip(), "KOMINFO"), idempotencyKey: "sync-retention")).StatusCode;
                return status == HttpStatusCode.Created;
            },
            TimeSpan.FromSeconds(30), () => $"the key was still remembered 31 days later (last answer {status})");
    }
}
