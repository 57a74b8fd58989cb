using System.Text.Json;
using Kinerja.Application.Integration;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.FollowUps;

namespace Kinerja.UnitTests.Integration;

public sealed class FollowUpIntegrationEventsTests
{
    private static readonly Guid Employee = Guid.Parse("01a22148-1b30-713c-b337-fa060fc68f6a");
    private static readonly Guid Cycle = Guid.Parse("01a22148-0000-7000-8000-00000000c1c1");
    private static readonly DateTimeOffset At = new(2026, 12, 21, 2, 0, 0, TimeSpan.Zero);
    private const string Nip = "198609262015051001";

    [Fact]
    public async Task An_award_and_a_support_plan_are_published_naming_the_employee_cycle_and_unit_with_enums_as_strings()
    {
        var context = new FeedContextStub();
        context.NipIs(Employee, Nip);
        var mapping = new FollowUpIntegrationEvents();

        var award = await mapping.Map(new AwardGranted(FollowUp.IdFor(Employee), Employee, Cycle, "SD01", AwardKind.Piagam, "Guru berprestasi",
            new DateOnly(2026, 12, 20), Predikat.SangatBaik, 101.5m, 1, null, Acting.As("sari.bkpsdm"), At), context, CancellationToken.None);
        var plan = await mapping.Map(new SupportPlanRecorded(FollowUp.IdFor(Employee), Employee, Cycle, "SD01", Predikat.Kurang,
            [SupportKind.Coaching, SupportKind.Training], ["Pendampingan RPP"], Guid.NewGuid(), "197501012000031002", new DateOnly(2027, 3, 31), Acting.As("sari.bkpsdm"), At),
            context, CancellationToken.None);

        award!.Type.Should().Be("award.granted");
        award.OccurredAt.Should().Be(At);
        var a = JsonSerializer.SerializeToElement(award.Payload, IntegrationJson.Options);
        (a.GetProperty("nip").GetString(), a.GetProperty("kind").GetString(), a.GetProperty("predikat").GetString(), a.GetProperty("grantedOn").GetString())
            .Should().Be((Nip, "Piagam", "SangatBaik", "2026-12-20"));
        a.GetProperty("cycleId").GetGuid().Should().Be(Cycle);
        plan!.Type.Should().Be("support.plan-recorded");
        var p = JsonSerializer.SerializeToElement(plan.Payload, IntegrationJson.Options);
        p.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()).Should().Equal("Coaching", "Training");
        p.TryGetProperty("actions", out _).Should().BeFalse("the plan's actions stay in this service");
        IntegrationEventTypes.All.Should().Contain(["award.granted", "support.plan-recorded"]);
    }
}
