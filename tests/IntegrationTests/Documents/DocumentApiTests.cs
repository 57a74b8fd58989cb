using System.Net;
using System.Text.RegularExpressions;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Documents.CheckingDocument;
using Kinerja.Domain.Documents;
using Kinerja.IntegrationTests.Harness;
using Marten;
using UglyToad.PdfPig;

namespace Kinerja.IntegrationTests.Documents;

/// <summary>
/// A school whose guru has an agreed SKP and an approved evaluation: each document is issued, opened as a PDF, read back as text, and
/// checked by the hash printed at its foot.
/// </summary>
public sealed partial class DocumentApiTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private readonly HttpClient _admin = app.As(Roles.HrAdmin, name: "sari.bkpsdm");
    private readonly HttpClient _auditor = app.As(Roles.Auditor);

    [Fact]
    public async Task The_SKP_the_evaluation_and_the_Penetapan_Predikat_open_as_PDF_carry_their_hash_and_are_checked_by_it()
    {
        var (school, kepalaDinas, kepalaSekolah, guru) = await _admin.School();
        var cycle = await _admin.StartedCycle(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), [school], kind: "Quarterly");
        var rater = app.As(Roles.Supervisor, kepalaSekolah);
        var appraisal = Routes.Appraisals.One(cycle, guru);
        await _admin.Open(cycle, guru);
        await app.As(Roles.Employee, guru).AgreedPlan(rater, appraisal);
        (await _admin.Post(Routes.Cycles.Evaluation(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await rater.Post($"{appraisal}/evaluation", new { results = "DiAtasEkspektasi", behaviour = "SesuaiEkspektasi", justification = "Perangkat ajar lengkap", unrealisedJustification = "Capaian diverifikasi langsung oleh kepala sekolah" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.As(Roles.Supervisor, kepalaDinas).Post($"{appraisal}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _admin.Post($"{Routes.Cycles.Unit(cycle, school)}/result", new { result = "Baik" }, headers: ("X-Reason", "Atas nama Kepala Dinas, nota dinas 3/2026"))).StatusCode.Should().Be(HttpStatusCode.OK);

        var skp = await Issue(Routes.Documents.Skp(cycle, guru));
        skp.Text.Should().Contain(Squeezed("Sasaran Kinerja Pegawai (SKP)")).And.Contain(guru).And.Contain(Squeezed("Terlaksananya pembelajaran yang berpusat pada murid"))
            .And.Contain(Squeezed("Berorientasi Pelayanan")).And.Contain(Squeezed("Pejabat penilai kinerja"));
        skp.Pages.Should().Be(1);
        (await Check(skp.Hash)).Should().BeEquivalentTo(new { ContentHash = skp.Hash, Kind = DocumentKind.Skp, CycleId = cycle, Subject = guru, IssuedBy = new { Name = "sari.bkpsdm", Role = Roles.HrAdmin }, Current = true });

        var again = await Issue(Routes.Documents.Skp(cycle, guru));
        again.Hash.Should().Be(skp.Hash, "the record did not change, so neither did the document");
        (await Issued(skp.Hash)).Should().Be(1, "issuing the same content again records nothing new");

        var evaluation = await Issue(Routes.Documents.Evaluation(cycle, guru));
        evaluation.Text.Should().Contain(Squeezed("Dokumen Evaluasi Kinerja Pegawai")).And.Contain(Squeezed("Di Atas Ekspektasi")).And.Contain(Squeezed("Predikat kinerja Baik"))
            .And.Contain(Squeezed("Perangkat ajar lengkap")).And.Contain(Squeezed("Atasan pejabat penilai kinerja"));
        (await Check(evaluation.Hash)).Should().BeEquivalentTo(new { Kind = DocumentKind.EvaluasiKinerja, Subject = guru, Current = true });

        var penetapan = await Issue(Routes.Documents.PenetapanPredikat(cycle, school));
        penetapan.Text.Should().Contain(Squeezed("Penetapan Predikat Kinerja Pegawai")).And.Contain(Squeezed("Kurva distribusi predikat"))
            .And.Contain(Squeezed($"1 {guru}")).And.Contain(Squeezed("Hasil kinerja unit Baik")).And.Contain(Squeezed("1 (100 %)"));
        penetapan.Pages.Should().Be(1);
        (await Check(penetapan.Hash)).Should().BeEquivalentTo(new { Kind = DocumentKind.PenetapanPredikat, Subject = school, Current = true });

        (await _admin.Post($"{Routes.Cycles.Unit(cycle, school)}/result", new { result = "Istimewa" }, headers: ("X-Reason", "Atas nama Kepala Dinas, nota dinas 3/2026"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var stale = await Check(penetapan.Hash);
        (stale.Current, stale.CurrentHash).Should().Match<(bool Current, string? Now)>(s => !s.Current && s.Now != null && s.Now != penetapan.Hash);
        (await Issue(Routes.Documents.PenetapanPredikat(cycle, school))).Hash.Should().Be(stale.CurrentHash);
        (await Check(skp.Hash)).Current.Should().BeTrue("the unit's result is not part of the SKP");

        await (await _auditor.GetAsync(Routes.Documents.One(new string('0', 64)))).ShouldBeProblem(HttpStatusCode.NotFound, "document-not-found");
        await (await _auditor.GetAsync(Routes.Documents.One("cetakan"))).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        await (await _auditor.PostAsync(Routes.Documents.Skp(cycle, guru), null)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await _admin.PostAsync(Routes.Documents.Evaluation(cycle, kepalaSekolah), null)).ShouldBeProblem(HttpStatusCode.NotFound, "appraisal-not-found");
    }

    private async Task<Opened> Issue(string url)
    {
        var response = await _admin.PostAsync(url, null);
        var body = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(body));
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var hash = response.Headers.Location!.ToString().Split('/')[^1];
        using var pdf = PdfDocument.Open(body);
        var text = Squeezed(string.Concat(pdf.GetPages().Select(p => p.Text)));
        text.Should().Contain(hash, "every page names the content hash to check a printed copy with");
        return new Opened(hash, pdf.NumberOfPages, text);
    }

    private Task<DocumentCheck> Check(string hash) => _auditor.Read<DocumentCheck>(Routes.Documents.One(hash));

    private async Task<int> Issued(string hash)
    {
        await using var session = app.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(IssuedDocument.IdFor(hash))).Count;
    }

    /// <summary>Text as extracted, without whitespace: PDF text extraction does not keep the spaces between words reliably.</summary>
    private static string Squeezed(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed record Opened(string Hash, int Pages, string Text);
}
