using Kinerja.Domain;
using Kinerja.Domain.Documents;

namespace Kinerja.UnitTests.Documents;

public sealed class DocumentDecisionsTests
{
    private const string Hash = "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b";
    private static readonly Guid Cycle = Guid.Parse("0193a5c2-7d1e-7000-8000-000000000001");
    private static readonly Actor Sari = new("198609262015051001", "sari", "hr-admin", "sari.bkpsdm");
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public void Issuing_new_content_records_it_under_the_id_its_hash_derives()
    {
        var events = DocumentDecisions.Issue(null, Hash, DocumentKind.Skp, Cycle, "198609262015051001", "Sasaran Kinerja Pegawai (SKP)", Sari, Now);

        events.Should().Equal(new DocumentIssued(IssuedDocument.IdFor(Hash), Hash, DocumentKind.Skp, Cycle, "198609262015051001", "Sasaran Kinerja Pegawai (SKP)", Sari, Now));
        IssuedDocument.IdFor(Hash).Should().NotBe(IssuedDocument.IdFor(Hash.Replace('6', '7')));
    }

    [Fact]
    public void Issuing_content_already_issued_records_nothing_and_the_first_issue_stays_on_record()
    {
        var first = DocumentDecisions.Issue(null, Hash, DocumentKind.PenetapanPredikat, Cycle, "DISDIK", "Penetapan Predikat Kinerja Pegawai", Sari, Now);
        var state = first.Aggregate((IssuedDocument?)null, IssuedDocument.Evolve)!;

        DocumentDecisions.Issue(state, Hash, DocumentKind.PenetapanPredikat, Cycle, "DISDIK", "Penetapan Predikat Kinerja Pegawai", new Actor("198001012005011002", "andi", "hr-admin", "andi.bkpsdm"), Now.AddDays(3))
            .Should().BeEmpty();
        (state.IssuedBy, state.IssuedAt, state.Subject).Should().Be((Sari, Now, "DISDIK"));
    }
}
