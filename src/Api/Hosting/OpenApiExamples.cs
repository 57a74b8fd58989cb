using System.Text.Json.Nodes;
using Kinerja.Api.Appraisals;
using Kinerja.Api.Evaluations;
using Kinerja.Api.Employees;
using Kinerja.Api.FollowUps;
using Kinerja.Api.Training;
using Kinerja.Api.Integration;
using Kinerja.Api.Positions;
using Kinerja.Api.Units;
using Kinerja.Application.Appraisals.GettingWorklist;
using Kinerja.Application.Cycles.CreatingCycle;
using Kinerja.Application.Cycles.GettingProgress;
using Kinerja.Application.Employees.RegisteringEmployee;
using Kinerja.Application.Training.RegisteringPartner;
using Kinerja.Application.Training.RequestingGrant;
using Kinerja.Application.Integration.Webhooks.RegisteringSubscription;
using Kinerja.Application.Ranking.GettingRanking;
using Kinerja.Application.Talent.GettingStrengthsAndWeaknesses;
using Kinerja.Application.Positions.RegisteringPosition;
using Kinerja.Application.Units.RegisteringUnit;

namespace Kinerja.Api.Hosting;

/// <summary>Request examples shown in the OpenAPI document, in the terms of Kota Ambon.</summary>
public static class OpenApiExamples
{
    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(Kinerja.Application.Imports.RunningImport.RunImport)] = """
            {"kind":"Employees","dryRun":true,"maxRows":null,
             "csv":"nip,nama,status_asn,golongan,jabatan,jenis_jabatan,jenjang,unit,tmt,nip_atasan\n198609262015051001,Maria Latuheru,PNS,III/c,Guru Ahli Muda,Fungsional Keahlian,Ahli Muda,DISDIK,2015-05-01,197501012000031002\n"}
            """,
        [typeof(RegisterUnit)] = """{"code":"DISDIK","name":"Dinas Pendidikan dan Kebudayaan","parentCode":null}""",
        [typeof(RenameUnitRequest)] = """{"name":"Dinas Pendidikan"}""",
        [typeof(RegisterEmployee)] = """
            {"nip":"198609262015051001","fullName":"Maria Latuheru","employmentType":"PNS","unitCode":"DISDIK",
             "position":{"title":"Guru Ahli Muda","kind":"FungsionalKeahlian","level":"AhliMuda"},
             "golongan":"III/c","supervisorNip":"197501012000031002","startDate":"2015-05-01"}
            """,
        [typeof(TransferEmployeeRequest)] = """
            {"unitCode":"DINKES","position":{"title":"Analis Kebijakan","kind":"FungsionalKeahlian","level":"AhliMuda"},
             "golongan":"III/c","effectiveOn":"2026-07-01","supervisorNip":"197803152005012003"}
            """,
        [typeof(AssignActingOfficialRequest)] = """{"actingNip":"198005052006042001","kind":"Plh","from":"2026-09-14","to":"2026-09-25"}""",
        [typeof(RecordContractRequest)] = """{"reference":"800/PK-PPPK/2026/014","startsOn":"2026-03-01","endsOn":"2031-02-28"}""",
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
             "funding":{"source":"UnitBudget","partner":null,"partnerId":null},
             "reason":{"basis":"CompetencyGap","text":"Level TEKNIS.GIZI 2 di bawah standar 3",
                       "references":[{"kind":"TrainingNeed","id":"TEKNIS.GIZI"},{"kind":"Appraisal","id":"0193a5c2-7d1e-7000-8000-000000000001"}]}}
            """,
        [typeof(RegisterTrainingPartner)] = """
            {"institution":"Universitas Pattimura","agreement":{"pksNumber":"800/045/PKS-BKPSDM/2026","startsOn":"2026-01-01","endsOn":"2027-12-31"},
             "offer":{"seatsPerYear":20,"jpPerYear":640,"competencyCodes":["TEKNIS.PEMBELAJARAN","TEKNIS.GIZI"]},"value":350000000}
            """,
        [typeof(AmendTrainingPartnerRequest)] = """
            {"institution":"Universitas Pattimura","agreement":{"pksNumber":"800/045/PKS-BKPSDM/2026","startsOn":"2026-01-01","endsOn":"2028-12-31"},
             "offer":{"seatsPerYear":25,"jpPerYear":800,"competencyCodes":["TEKNIS.PEMBELAJARAN","TEKNIS.GIZI","TEKNIS.JARINGAN"]},"value":450000000}
            """,
        [typeof(EndTrainingPartnerAgreementRequest)] = """{"endedOn":"2026-12-31","reason":"Addendum PKS: kerja sama dialihkan ke Politeknik Negeri Ambon"}""",
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
        [typeof(CreateCycle)] = """
            {"name":"Semester II 2026 Dinas Pendidikan","kind":"Semester","periodStart":"2026-07-01","periodEnd":"2026-12-31",
             "scope":{"allUnits":false,"unitCodes":["DISDIK"]},"feedbackWindow":{"opensOn":"2026-07-01","closesOn":"2027-01-15"}}
            """,
        [typeof(OpenAppraisalRequest)] = """{"nip":"198609262015051001"}""",
        [typeof(ResolveRaterRequest)] = """{"on":"2026-10-01"}""",
        [typeof(DraftPlanRequest)] = """
            {"rows":[{"key":"R1","kind":"Utama","rhk":"Terlaksananya pembelajaran yang berpusat pada murid","supports":"KS1",
              "indicators":[{"key":"R1.1","aspect":"Kuantitas","iki":"Jumlah perangkat ajar yang disusun","target":{"value":12,"unit":"dokumen"}},
                            {"key":"R1.2","aspect":"Kualitas","iki":"Rata-rata nilai murid","target":{"value":80,"unit":"nilai"}}]},
              {"key":"R2","kind":"Tambahan","rhk":"Terbinanya kegiatan ekstrakurikuler","supports":null,
              "indicators":[{"key":"R2.1","aspect":"Waktu","iki":"Bulan pembinaan terlaksana","target":{"value":6,"unit":"bulan"}}]}],
             "expectations":{"BerorientasiPelayanan":"Melayani orang tua murid dengan ramah","Kolaboratif":"Aktif dalam KKG"}}
            """,
        [typeof(AgreePlanRequest)] = """{"version":1}""",
        [typeof(SetExpectationsRequest)] = """
            {"expectations":{"BerorientasiPelayanan":"Menanggapi pertanyaan orang tua murid paling lambat 2 hari kerja",
             "Kolaboratif":"Berbagi perangkat ajar dengan guru mata pelajaran yang sama"}}
            """,
        [typeof(ReturnPlanRequest)] = """{"version":1,"comments":"Target perangkat ajar terlalu rendah; tambahkan indikator kualitas."}""",
        [typeof(EvaluateRequest)] = """
            {"results":"DiAtasEkspektasi","behaviour":"SesuaiEkspektasi",
             "rowAssessments":[{"rowKey":"R1","assessment":"Perangkat ajar lengkap dan dipakai di kelas"}],
             "justification":"Target kuantitas terlampaui; perilaku sesuai ekspektasi pimpinan.","unrealisedJustification":null}
            """,
        [typeof(ReturnEvaluationRequest)] = """{"comments":"Jelaskan penilaian perilaku dengan umpan balik rekan kerja."}""",
        [typeof(UnitResultRequest)] = """{"result":"Baik"}""",
        [typeof(BreachJustificationRequest)] = """{"justification":"Seluruh guru lulus sertifikasi dan capaian rapor pendidikan naik dua tingkat."}""",
        [typeof(ExcuseRequest)] = """{"reason":"Cuti besar Oktober 2026 - Maret 2027"}""",
        [typeof(AssignUnitHeadRequest)] = """{"headNip":"197501012000031002","effectiveOn":"2026-01-02"}""",
        [typeof(GrantAwardRequest)] = """
            {"cycleId":"0193a5c2-7d1e-7000-8000-00000000c1c1","kind":"Piagam",
             "citation":"Guru berprestasi Semester II 2026: perangkat ajar berdiferensiasi dipakai seluruh sekolah","grantedOn":"2026-12-20","overrideReason":null}
            """,
        [typeof(RecordSupportPlanRequest)] = """
            {"cycleId":"0193a5c2-7d1e-7000-8000-00000000c1c1","kinds":["Coaching","Training"],
             "actions":["Supervisi kelas oleh kepala sekolah dua pekan sekali","Pelatihan asesmen diagnostik (20 JP)"],
             "responsibleNip":"197501012000031002","reviewOn":"2027-03-31"}
            """,
        [typeof(CompleteSupportPlanRequest)] = """
            {"outcome":"Improved","notes":"Supervisi kelas enam kali; nilai rata-rata murid naik dari 68 ke 77.","completedOn":"2027-03-31"}
            """,
        [typeof(RecordRealisationRequest)] = """
            {"indicatorKey":"R1.1","value":6,"achievedOn":"2026-08-31",
             "evidence":{"link":"https://drive.ambon.go.id/smpn9/rpp-ganjil.pdf","documentHash":null,"description":"RPP semester ganjil"}}
            """,
        [typeof(CorrectRealisationRequest)] = """
            {"value":7,"achievedOn":"2026-08-31","reason":"Satu RPP terlewat dihitung",
             "evidence":{"link":null,"documentHash":"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","description":"Rekap RPP"}}
            """,
        [typeof(GiveFeedbackRequest)] = """
            {"source":"Supervisor","scores":{"BerorientasiPelayanan":4,"Akuntabel":5},"comment":"Disiplin dan tepat waktu","giverNip":null}
            """,
        [typeof(PublicFeedbackRequest)] = """
            {"submissionId":"survei-smpn9-2026-000123","respondentGroup":"Parent","scores":{"BerorientasiPelayanan":5,"Adaptif":4},
             "comment":"Guru sabar dan komunikatif, anak saya Rina jadi rajin","respondentId":"resp-7f3a91","personalNames":["Rina"]}
            """,
        [typeof(StrengthsAndWeaknessesView)] = """
            {"nip":"198609262015051001","unitCode":"SMPN9",
             "cycle":{"id":"0193a5c2-7d1e-7000-8000-0000000000c2","name":"Semester II 2026 Dinas Pendidikan","periodStart":"2026-07-01","periodEnd":"2026-12-31"},
             "ruleVersion":"2026.1",
             "rule":{"version":"2026.1","values":{"strengthFloor":4.0,"weaknessFloor":3.0,"relativeWeaknessCeiling":4.0},
                     "aspects":{"strengthFloor":1.1,"weaknessFloor":0.9,"relativeWeaknessCeiling":1.0},
                     "countedSources":["Supervisor","Peer","Subordinate","Public"],"minPublicResponses":5,"minUnitFigures":4,"competencyStrengthMargin":2},
             "unitAppraisals":5,
             "strengths":[{"kind":"Value","subject":"BerorientasiPelayanan","figure":4.6,"reasons":["meets-strength-floor","in-unit-upper-quartile"],
               "value":{"value":"BerorientasiPelayanan","figure":4.6,"sources":[
                 {"source":"Supervisor","responses":1,"mean":5,"counted":true,"notCounted":null},
                 {"source":"Self","responses":1,"mean":4,"counted":false,"notCounted":"Self feedback is shown but does not count"},
                 {"source":"Public","responses":12,"mean":4.2,"counted":true,"notCounted":null}]},
               "aspect":null,"unit":{"employees":5,"mean":3.9,"lowerQuartile":3.5,"median":4,"upperQuartile":4.2},"competency":null}],
             "weaknesses":[{"kind":"Aspect","subject":"Waktu","figure":0.8571,"reasons":["below-weakness-floor"],"value":null,
               "aspect":{"aspect":"Waktu","figure":0.8571,"indicators":[{"rowKey":"R2","indicatorKey":"R2.1","target":6,"realised":7,"ratio":0.8571}]},
               "unit":null,"competency":null},
              {"kind":"Competency","subject":"TEKNIS.PEMBELAJARAN","figure":2,"reasons":["below-required-level"],"value":null,"aspect":null,"unit":null,
               "competency":{"known":{"competencyCode":"TEKNIS.PEMBELAJARAN","level":2,"asOf":"2026-03-12","evidence":"Assessment"},"required":3}}],
             "figures":{"values":[],"aspects":[]},
             "competencies":{"positionKind":"FungsionalKeahlian","standardVersion":"2026.1","assessedOn":"2026-03-12"},
             "trend":{"values":[{"value":"BerorientasiPelayanan","cycles":[
                 {"cycleId":"0193a5c2-7d1e-7000-8000-0000000000c1","cycleName":"Semester I 2026 Dinas Pendidikan","periodStart":"2026-01-01","figure":3.9},
                 {"cycleId":"0193a5c2-7d1e-7000-8000-0000000000c2","cycleName":"Semester II 2026 Dinas Pendidikan","periodStart":"2026-07-01","figure":4.6}]}],
              "aspects":[]}}
            """,
        [typeof(RankingPage)] = """
            {"cycleId":"0193a5c2-7d1e-7000-8000-0000000000c2","unitCode":"SMPN9","ranked":40,"unranked":2,
             "order":"predikat class (Sangat Baik first), then score descending, then results points descending; rows equal on all three share a rank and are listed by NIP",
             "items":[{"rank":1,"percentile":100,"nip":"198609262015051001","fullName":"Maria Latuheru","unitCode":"SMPN9","predikat":"SangatBaik","score":90,
               "components":{"value":90,"weightsVersion":"2026.1","resultsPoints":100,"behaviourPoints":75,"resultsWeight":0.6,"behaviourWeight":0.4,
                 "indicators":[{"rowKey":"R1","indicatorKey":"R1.1","kind":"Utama","aspect":"Kuantitas","achievement":1,"counted":1,"weight":1}],
                 "sources":[{"source":"Supervisor","responses":1,"mean":4,"points":75,"weight":0.4,"notCounted":null},
                            {"source":"Public","responses":3,"mean":5,"points":100,"weight":0.25,"notCounted":"fewer than 5 public responses"}]}}],
             "nextCursor":"cmFua2luZzowfDkwfDEwMHwxOTg2MDkyNjIwMTUwNTEwMDE"}
            """,
        [typeof(RegisterWebhookSubscription)] = """
            {"url":"https://hr-portal.example/hooks/kinerja","eventTypes":["employee.registered","employee.transferred","employee.employment-ended"],
             "secret":"a-long-random-shared-secret-0123456789","startAfter":0}
            """,
        [typeof(ReplayWebhookSubscriptionRequest)] = """{"afterPosition":1200}""",
        [typeof(RegisterPosition)] = """
            {"code":"DISDIK-KABID-SD","name":"Kepala Bidang Pembinaan Sekolah Dasar","unitCode":"DISDIK","kind":"Administrator","level":null,
             "requirements":[{"code":"MANAJERIAL.INTEGRITAS","minLevel":4},{"code":"MANAJERIAL.KERJASAMA","minLevel":3},{"code":"TEKNIS.PEMBELAJARAN","minLevel":3}],
             "vacancies":1}
            """,
        [typeof(ChangeRequirementsRequest)] = """
            {"requirements":[{"code":"MANAJERIAL.INTEGRITAS","minLevel":4},{"code":"TEKNIS.MANAJEMEN-SEKOLAH","minLevel":3}]}
            """,
        [typeof(ChangeVacanciesRequest)] = """{"vacancies":0}""",
        [typeof(Worklist)] = """
            {"nip":"197501012000031002","on":"2026-09-15",
             "counts":[{"kind":"PlanToSubmit","count":1},{"kind":"PlanToAgree","count":2},{"kind":"EvaluationToGive","count":0},
                       {"kind":"EvaluationToApprove","count":0},{"kind":"SupportPlanToReview","count":1}],
             "items":[{"kind":"PlanToAgree","cycleId":"0193a5c2-7d1e-7000-8000-0000000000c2","cycleName":"Semester II 2026 Dinas Pendidikan",
               "phase":"InProgress","nip":"198609262015051001","fullName":"Maria Latuheru","unitCode":"SMPN1","status":"Submitted",
               "evaluation":null,"predikat":null,"actingFor":null,"reviewOn":null},
              {"kind":"PlanToAgree","cycleId":"0193a5c2-7d1e-7000-8000-0000000000c2","cycleName":"Semester II 2026 Dinas Pendidikan",
               "phase":"InProgress","nip":"199103152019032008","fullName":"Yosina Sahetapy","unitCode":"SMPN1","status":"Submitted",
               "evaluation":null,"predikat":null,"actingFor":"197203101998021001","reviewOn":null}],
             "nextCursor":"d29ya2xpc3Q6MDF8MDE5M2E1YzI3ZDFlNzAwMDgwMDAwMDAwMDAwMDAwYzJ8MTk5MTAzMTUyMDE5MDMyMDA4"}
            """,
        [typeof(CycleProgress)] = """
            {"cycleId":"0193a5c2-7d1e-7000-8000-0000000000c2","cycleName":"Semester II 2026 Dinas Pendidikan","phase":"Evaluation","unitCode":"DISDIK",
             "total":{"opened":3,"draft":4,"planSubmitted":6,"planReturned":1,"agreed":20,"evaluated":12,"evaluationReturned":1,"approved":40,"excused":2,"total":89},
             "items":[{"unitCode":"DISDIK","unitName":"Dinas Pendidikan dan Kebudayaan","parentCode":null,
               "own":{"opened":0,"draft":1,"planSubmitted":0,"planReturned":0,"agreed":3,"evaluated":2,"evaluationReturned":0,"approved":10,"excused":0,"total":16},
               "withSubUnits":{"opened":3,"draft":4,"planSubmitted":6,"planReturned":1,"agreed":20,"evaluated":12,"evaluationReturned":1,"approved":40,"excused":2,"total":89}},
              {"unitCode":"SMPN1","unitName":"SMP Negeri 1 Ambon","parentCode":"DISDIK",
               "own":{"opened":1,"draft":1,"planSubmitted":2,"planReturned":0,"agreed":8,"evaluated":4,"evaluationReturned":0,"approved":14,"excused":1,"total":31},
               "withSubUnits":{"opened":1,"draft":1,"planSubmitted":2,"planReturned":0,"agreed":8,"evaluated":4,"evaluationReturned":0,"approved":14,"excused":1,"total":31}}],
             "nextCursor":null}
            """,
    };

    public static JsonNode? For(Type type) => Examples.TryGetValue(type, out var json) ? JsonNode.Parse(json) : null;
}
