using System.Text.Json.Nodes;
using Kinerja.Api.Employees;
using Kinerja.Api.Training;
using Kinerja.Api.Units;
using Kinerja.Application.Employees.RegisteringEmployee;
using Kinerja.Application.Training.RequestingGrant;
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
        [typeof(RequestTrainingGrant)] = """
            {"nip":"198609262015051001","year":2026,"program":"Pelatihan Tata Laksana Gizi Buruk","provider":"Bapelkes Maluku",
             "track":"PelatihanKlasikal","competencyCodes":["TEKNIS.GIZI"],"plannedJp":32,"cost":7500000,
             "funding":{"source":"UnitBudget","partner":null},
             "reason":{"basis":"CompetencyGap","text":"Level TEKNIS.GIZI 2 di bawah standar 3",
                       "references":[{"kind":"TrainingNeed","id":"TEKNIS.GIZI"},{"kind":"Appraisal","id":"0193a5c2-7d1e-7000-8000-000000000001"}]}}
            """,
        [typeof(ApproveTrainingGrantRequest)] = """{"note":"Sesuai rencana pengembangan kompetensi 2026"}""",
        [typeof(RejectTrainingGrantRequest)] = """{"reason":"Tidak sesuai dengan kebutuhan jabatan"}""",
        [typeof(ScheduleTrainingGrantRequest)] = """{"startsOn":"2026-05-04","endsOn":"2026-05-08"}""",
        [typeof(CompleteTrainingGrantRequest)] = """
            {"completedOn":"2026-05-08","attendedJp":32,"actualCost":7250000,"certificateReference":"STTPP 445/0193/BAPELKES/2026",
             "newCompetencyLevel":{"code":"TEKNIS.GIZI","level":3}}
            """,
        [typeof(CancelTrainingGrantRequest)] = """{"reason":"Peserta ditugaskan ke puskesmas terpencil pada tanggal pelatihan"}""",
        [typeof(SetTrainingBudgetRequest)] = """{"allocated":250000000}""",
        [typeof(AdjustTrainingBudgetRequest)] = """{"allocated":200000000,"reason":"Rasionalisasi anggaran, APBD Perubahan 2026"}""",
    };

    public static JsonNode? For(Type type) => Examples.TryGetValue(type, out var json) ? JsonNode.Parse(json) : null;
}
