using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kinerja.Application.Integration;
using Kinerja.Domain.Employees;

namespace Kinerja.UnitTests.Integration;

public class EmployeeIntegrationEventsTests
{
    private static readonly Guid Id = Guid.Parse("01a22148-1b30-713c-b337-fa060fc68f6a");
    private static readonly DateTimeOffset At = new(2026, 7, 1, 1, 30, 0, TimeSpan.Zero);
    private static readonly Position Guru = new("Guru Ahli Muda", PositionKind.FungsionalKeahlian, PositionLevel.AhliMuda);

    private static readonly EmployeeRegistered Registered = new(
        Id, "198609262015051001", "Maria Latuheru", EmploymentType.PNS, Guid.NewGuid(), "DISDIK", Guru, "III/c", null, "197501012000031002",
        new DateOnly(2015, 5, 1), At);

    private static async Task<List<IntegrationEventDraft?>> Map(params object[] events)
    {
        var mapping = new EmployeeIntegrationEvents();
        var context = new FeedContextStub();
        var drafts = new List<IntegrationEventDraft?>();
        foreach (var e in events)
        {
            drafts.Add(await mapping.Map(e, context, CancellationToken.None));
        }

        return drafts;
    }

    [Fact]
    public async Task Each_registry_event_carries_the_NIP_the_employee_had_when_it_happened()
    {
        var drafts = await Map(
            Registered,
            new EmployeeTransferred(Id, Guid.NewGuid(), "DINKES", Guru, "III/d", new DateOnly(2026, 7, 1), At),
            new NipCorrected(Id, "198609262015051001", "198609262015052001", "Salah ketik pada SK", At),
            new SupervisorChanged(Id, null, null, new DateOnly(2026, 8, 1), At),
            new EmploymentEnded(Id, EmploymentEndReason.Retired, new DateOnly(2046, 10, 1), At));

        drafts.Select(d => d!.Type).Should().Equal(
            "employee.registered", "employee.transferred", "employee.nip-corrected", "employee.supervisor-changed", "employee.employment-ended");
        drafts.Select(d => JsonSerializer.SerializeToElement(d!.Payload, IntegrationJson.Options).GetProperty("nip").GetString())
            .Should().Equal("198609262015051001", "198609262015051001", "198609262015052001", "198609262015052001", "198609262015052001");
        drafts.Should().OnlyContain(d => d!.Version == 1 && d.OccurredAt == At);
    }

    [Fact]
    public async Task A_competency_assessment_is_published_with_its_levels_potential_and_assessor()
    {
        var assessed = new CompetencyAssessed(Id, [new CompetencyLevel("INT", 3)], Potential.Menengah, new DateOnly(2026, 3, 1), "BKPSDM", At);

        var draft = (await Map(Registered, assessed))[1]!;
        draft.Type.Should().Be("employee.competency-assessed", "a mirror keeps competency assessments (contract edition 2026-12)");
        var payload = JsonSerializer.SerializeToElement(draft.Payload, IntegrationJson.Options);
        payload.GetProperty("competencies")[0].GetProperty("level").GetInt32().Should().Be(3);
        (payload.GetProperty("potential").GetString(), payload.GetProperty("assessedOn").GetString(), payload.GetProperty("assessedBy").GetString())
            .Should().Be(("Menengah", "2026-03-01", "BKPSDM"));
    }

    [Fact]
    public async Task The_registered_payload_keeps_its_published_json_shape()
    {
        var draft = (await Map(Registered))[0]!;

        const string published = """
            {"employeeId":"01a22148-1b30-713c-b337-fa060fc68f6a","nip":"198609262015051001","fullName":"Maria Latuheru","employmentType":"PNS",
             "unitCode":"DISDIK","position":{"title":"Guru Ahli Muda","kind":"FungsionalKeahlian","level":"AhliMuda"},"golongan":"III/c",
             "supervisorNip":"197501012000031002","startDate":"2015-05-01"}
            """;
        JsonSerializer.Serialize(draft.Payload, IntegrationJson.Options).Should().Be(JsonNode.Parse(published)!.ToJsonString());
    }

    [Fact]
    public void Public_type_names_are_unique_lower_case_and_dotted()
    {
        IntegrationEventTypes.All.Should().OnlyHaveUniqueItems()
            .And.OnlyContain(t => Regex.IsMatch(t, "^[a-z]+\\.[a-z]+(-[a-z]+)*$"));
        IntegrationEventMappings.All.SelectMany(m => m.EventTypes).Should().OnlyHaveUniqueItems("one internal event has one public meaning");
    }
}
