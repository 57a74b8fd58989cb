using System.Globalization;
using System.Text.RegularExpressions;
using Kinerja.Application.Appraisals;
using Kinerja.Application.Appraisals.GettingAppraisal;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Employees;
using Kinerja.Application.Evaluations.GettingDistribution;
using Kinerja.Domain;
using Kinerja.Domain.Documents;
using Kinerja.Domain.Evaluations;
using Mediator;

namespace Kinerja.Application.Documents;

/// <summary>
/// Builds each document's content from the record as it stands: the agreed SKP and the evaluation from the appraisal's read model, the
/// Penetapan Predikat from the unit's final predikat and its distribution. Built again later, equal content means the copy is current.
/// </summary>
public sealed partial class DocumentSources(
    AppraisalStreams streams, IAppraisalDirectory appraisals, IEmployeeDirectory directory, ICycleDirectory cycles, ISender mediator)
{
    public async Task<DocumentContent> Build(DocumentKind kind, Guid cycleId, string subject, CancellationToken ct) => kind switch
    {
        DocumentKind.Skp => await Skp(cycleId, subject, ct),
        DocumentKind.EvaluasiKinerja => await Evaluation(cycleId, subject, ct),
        _ => await Penetapan(cycleId, subject, ct),
    };

    private async Task<DocumentContent> Skp(Guid cycleId, string nip, CancellationToken ct)
    {
        var (record, fields) = await Appraisal(cycleId, nip, ct);
        var agreed = record.Agreed() ?? throw new DomainRuleViolation("plan-not-agreed", $"{nip} has no agreed SKP in this cycle yet: agree a plan version first.");
        return new DocumentContent(DocumentKind.Skp, "Sasaran Kinerja Pegawai (SKP)",
            [.. fields, new("Versi SKP", agreed.Version.ToString(CultureInfo.InvariantCulture)), new("Disepakati", $"{Date(agreed.AgreedAt)} oleh {agreed.AgreedBy?.Name}")],
            [
                new DocumentTable("Hasil kerja", ["No", "Jenis", "Rencana hasil kerja", "Indikator kinerja individu", "Aspek", "Target"],
                    [.. agreed.Plan.Rows.SelectMany(row => row.Indicators.Select(i => (IReadOnlyList<string>)
                        [i.Key, Words(row.Kind.ToString()), row.Rhk, i.Iki, i.Aspect.ToString(), $"{Number(i.Target.Value)} {i.Target.Unit}"]))]),
                new DocumentTable("Perilaku kerja (BerAKHLAK)", ["Nilai", "Ekspektasi khusus pimpinan"],
                    [.. agreed.Plan.Expectations.OrderBy(e => e.Key).Select(e => (IReadOnlyList<string>)[Words(e.Key.ToString()), e.Value])]),
            ],
            null, ["Pegawai yang dinilai", "Pejabat penilai kinerja"]);
    }

    private async Task<DocumentContent> Evaluation(Guid cycleId, string nip, CancellationToken ct)
    {
        var (record, fields) = await Appraisal(cycleId, nip, ct);
        var evaluation = record.Evaluation ?? throw new DomainRuleViolation("not-evaluated", $"{nip} has not been evaluated in this cycle yet: the rater submits the evaluation first.");
        return new DocumentContent(DocumentKind.EvaluasiKinerja, "Dokumen Evaluasi Kinerja Pegawai",
            [
                .. fields,
                new("Status evaluasi", evaluation.Status == Domain.Appraisals.EvaluationStatus.Approved ? "Final (disetujui)" : Words(evaluation.Status.ToString())),
                new("Rating hasil kerja", Words(evaluation.Results.ToString())),
                new("Rating perilaku kerja", Words(evaluation.Behaviour.ToString())),
                new("Predikat kinerja", Words(evaluation.Predikat.ToString())),
                new("Tabel predikat", evaluation.PredikatTableVersion),
                new("Catatan pejabat penilai", evaluation.Justification),
                new("Disetujui", evaluation.ApprovedAt is { } at ? $"{Date(at)} oleh {evaluation.ApprovedBy?.Name}" : "-"),
                new("Skor kinerja", record.Score is { } s ? $"{Number(s.Value)} (bobot {s.WeightsVersion})" : "-"),
            ],
            [
                new DocumentTable("Capaian hasil kerja", ["Indikator", "Aspek", "Target", "Realisasi", "% target"],
                    [.. AppraisalViews.Progress(record).Select(p => (IReadOnlyList<string>)
                        [$"{p.IndicatorKey} {p.Iki}", p.Aspect.ToString(), $"{Number(p.Target.Value)} {p.Target.Unit}", p.Realised is { } r ? Number(r) : "-",
                         p.PercentOfTarget is { } pct ? Number(pct) : "-"])]),
                new DocumentTable("Umpan balik perilaku", ["Sumber", "Jumlah", "Rata-rata per nilai"],
                    [.. AppraisalViews.Feedback(record, showsPublicComments: false).Select(f => (IReadOnlyList<string>)
                        [f.Source.ToString(), f.Count.ToString(CultureInfo.InvariantCulture), string.Join("; ", f.Values.Select(v => $"{Words(v.Value.ToString())} {Number(v.Mean)}"))])]),
            ],
            null, ["Pegawai yang dinilai", "Pejabat penilai kinerja", "Atasan pejabat penilai kinerja"]);
    }

    private async Task<DocumentContent> Penetapan(Guid cycleId, string unitCode, CancellationToken ct)
    {
        var distribution = (await mediator.Send(new GetDistribution(cycleId, unitCode), ct)).Value;
        var cycle = await cycles.Find(cycleId, ct) ?? throw CycleStreams.NotFound(cycleId);
        var finals = (await appraisals.InUnit(cycleId, distribution.UnitCode, ct))
            .Where(a => a.Excusal is null && a.Evaluation is { Status: Domain.Appraisals.EvaluationStatus.Approved }).ToList();
        var people = (await directory.FindMany([.. finals.Select(a => a.EmployeeId)], ct)).ToDictionary(p => p.Id);
        var total = distribution.Final;
        IReadOnlyList<CurvePoint> curve = [.. Enum.GetValues<Predikat>().Select(p =>
            new CurvePoint(Words(p.ToString()), distribution.Counts[p], total == 0 ? 0m : Math.Round(100m * distribution.Counts[p] / total, 1)))];
        return new DocumentContent(DocumentKind.PenetapanPredikat, "Penetapan Predikat Kinerja Pegawai",
            [
                new("Siklus", cycle.Name), new("Periode", $"{Date(cycle.PeriodStart)} s.d. {Date(cycle.PeriodEnd)}"), new("Unit kerja", distribution.UnitCode),
                new("Hasil kinerja unit", distribution.Result is { } r ? Words(r.ToString()) : "belum ditetapkan"),
                new("Pedoman distribusi", distribution.GuidanceVersion), new("Jumlah predikat final", total.ToString(CultureInfo.InvariantCulture)),
            ],
            [
                new DocumentTable("Distribusi predikat", ["Predikat", "Jumlah", "Persentase"],
                    [.. curve.Select(c => (IReadOnlyList<string>)[c.Label, c.Count.ToString(CultureInfo.InvariantCulture), $"{Number(c.Share)} %"])]),
                new DocumentTable("Di luar pedoman", ["Ketentuan", "Dijustifikasi"],
                    [.. distribution.Breaches.Select(b => (IReadOnlyList<string>)[b, distribution.Justified == true ? "ya" : "belum"])]),
                new DocumentTable("Daftar pegawai", ["No", "NIP", "Nama", "Predikat"],
                    [.. finals.Select(a => (Nip: people.GetValueOrDefault(a.EmployeeId)?.Nip ?? a.Nip, Name: people.GetValueOrDefault(a.EmployeeId)?.FullName ?? "", a.Evaluation!.Predikat))
                        .OrderBy(x => x.Predikat).ThenBy(x => x.Nip, StringComparer.Ordinal)
                        .Select((x, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), x.Nip, x.Name, Words(x.Predikat.ToString())])]),
            ],
            curve, ["Kepala unit kerja"]);
    }

    private async Task<(AppraisalRecord Record, IReadOnlyList<DocumentField> Fields)> Appraisal(Guid cycleId, string nip, CancellationToken ct)
    {
        var (record, cycle) = await streams.Read(appraisals, cycleId, nip, ct);
        var name = (await cycles.Find(cycleId, ct))?.Name ?? "";
        var people = (await directory.FindMany([.. new[] { record.EmployeeId, record.RaterId, record.ApproverId ?? Guid.Empty }.Distinct()], ct)).ToDictionary(p => p.Id);
        string Person(Guid? id, string? fallbackNip) => id is { } i && people.GetValueOrDefault(i) is { } p ? $"{p.FullName} (NIP {p.Nip})" : fallbackNip ?? "-";
        return (record,
        [
            new("Siklus", name), new("Periode", $"{Date(cycle.PeriodStart)} s.d. {Date(cycle.PeriodEnd)}"),
            new("Pegawai", Person(record.EmployeeId, record.Nip)), new("Unit kerja", record.UnitCode),
            new("Pejabat penilai kinerja", Person(record.RaterId, record.RaterNip)), new("Atasan pejabat penilai", Person(record.ApproverId, record.ApproverNip)),
        ]);
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset? at) => at is { } a ? Date(DateOnly.FromDateTime(a.ToOffset(Wit.Offset).DateTime)) : "-";

    private static string Number(decimal n) => n.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"SangatBaik" as the regulation writes it: "Sangat Baik".</summary>
    private static string Words(string pascal) => Capitals().Replace(pascal, " $1").Trim();

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Capitals();
}
