using System.Text.Json.Nodes;
using Kinerja.Api.Employees;
using Kinerja.Api.Integration;
using Kinerja.Api.Units;
using Kinerja.Application.Employees.RegisteringEmployee;
using Kinerja.Application.Integration.Webhooks.RegisteringSubscription;
using Kinerja.Application.Units.RegisteringUnit;

namespace Kinerja.Api.Hosting;

/// <summary>Request examples shown in the OpenAPI document, in the terms of Kota Ambon.</summary>
public static class OpenApiExamples
{
    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(RegisterUnit)] = """{"code":"DISDIK","name":"Dinas Pendidikan dan Kebudayaan","parentCode":null}""",
        [typeof(RenameUnitRequest)] = """{"name":"Dinas Pendidikan"}""",
        [typeof(RegisterEmployee)] = """
            {"nip":"198609262015051001","fullName":"Maria Latuheru","employmentType":"PNS","unitCode":"DISDIK",
             "position":{"title":"Guru Ahli Muda","kind":"FungsionalKeahlian","level":"AhliMuda"},
             "golongan":"III/c","supervisorNip":"197501012000031002","startDate":"2015-05-01"}
            """,
        [typeof(TransferEmployeeRequest)] = """
            {"unitCode":"DINKES","position":{"title":"Analis Kebijakan","kind":"FungsionalKeahlian","level":"AhliMuda"},
             "golongan":"III/c","effectiveOn":"2026-07-01"}
            """,
        [typeof(ChangeSupervisorRequest)] = """{"supervisorNip":"197803152005012003","effectiveOn":"2026-07-01"}""",
        [typeof(CorrectNipRequest)] = """{"newNip":"199001012023212004","reason":"Kontrak PPPK baru di Dinas Kesehatan"}""",
        [typeof(RecordCompetencyAssessmentRequest)] = """
            {"competencies":[{"code":"MANAJERIAL.INTEGRITAS","level":4},{"code":"TEKNIS.PEMBELAJARAN","level":3}],
             "potential":"Menengah","assessedOn":"2026-03-12","assessedBy":"UPT Penilaian Kompetensi BKPSDM"}
            """,
        [typeof(EndEmploymentRequest)] = """{"reason":"Retired","effectiveOn":"2026-12-31"}""",
        [typeof(RegisterWebhookSubscription)] = """
            {"url":"https://hr-portal.example/hooks/kinerja","eventTypes":["employee.registered","employee.transferred","employee.employment-ended"],
             "secret":"a-long-random-shared-secret-0123456789","startAfter":0}
            """,
        [typeof(ReplayWebhookSubscriptionRequest)] = """{"afterPosition":1200}""",
    };

    public static JsonNode? For(Type type) => Examples.TryGetValue(type, out var json) ? JsonNode.Parse(json) : null;
}
