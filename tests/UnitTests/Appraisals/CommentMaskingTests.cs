using Kinerja.Domain.Appraisals;
using static Kinerja.UnitTests.Appraisals.AppraisalScenario;

namespace Kinerja.UnitTests.Appraisals;

/// <summary>Personal data of the public masked out of a comment before it is stored (UU 27/2022; rule <see cref="CommentMasking.Version"/>).</summary>
public sealed class CommentMaskingTests
{
    [Theory]
    [InlineData("Hubungi saya di ibu.rina@gmail.com ya", "Hubungi saya di [email disamarkan] ya", "email")]
    [InlineData("WA 0812-3456-7890 kalau ada apa-apa", "WA [nomor telepon disamarkan] kalau ada apa-apa", "phone")]
    [InlineData("telp +62 812 3456 7890.", "telp [nomor telepon disamarkan].", "phone")]
    [InlineData("nomor 6281234567890", "nomor [nomor telepon disamarkan]", "phone")]
    [InlineData("NISN anak saya 0091234567", "NISN anak saya [NISN disamarkan]", "nisn")]
    public void Each_kind_of_personal_data_is_masked_and_named(string comment, string stored, string kind)
    {
        var masked = CommentMasking.Mask(comment);

        masked.Text.Should().Be(stored);
        masked.Kinds.Should().Equal(kind);
    }

    [Fact]
    public void A_comment_with_all_of_them_and_a_marked_name_keeps_only_its_words()
    {
        var masked = CommentMasking.Mask(
            "Bu guru sabar dengan RINA (NISN 0091234567), hubungi 081234567890 atau rina.ortu@yahoo.co.id. Rina Latuheru senang belajar.",
            ["Rina Latuheru", "Rina"]);

        masked.Text.Should().Be(
            "Bu guru sabar dengan [nama disamarkan] (NISN [NISN disamarkan]), hubungi [nomor telepon disamarkan] atau [email disamarkan]. "
            + "[nama disamarkan] senang belajar.");
        masked.Kinds.Should().Equal("email", "phone", "nisn", "name");
    }

    [Theory]
    [InlineData("Guru sabar dan komunikatif")]
    [InlineData("Nilai naik dari 68 ke 77 dalam 2 bulan")]
    [InlineData("Nomor surat 800/123/2026 sudah diterima")]
    [InlineData("Kode 12345678901 bukan NISN")]
    public void A_comment_without_personal_data_is_stored_as_written(string comment)
    {
        var masked = CommentMasking.Mask(comment, ["Rina"]);

        masked.Text.Should().Be(comment);
        masked.Kinds.Should().BeEmpty();
    }

    [Fact]
    public void A_name_is_masked_only_as_a_whole_word()
    {
        CommentMasking.Mask("Marina dan Rina", ["Rina"]).Text.Should().Be("Marina dan [nama disamarkan]");
    }

    [Fact]
    public void The_received_event_stores_the_masked_comment_and_says_what_was_masked_by_which_rule()
    {
        var input = new NewPublicFeedback("portal-0091", RespondentGroup.Parent, new Dictionary<BerAkhlak, int> { [BerAkhlak.Adaptif] = 5 },
            "  Terima kasih, Rina kini rajin. WA 0812 3456 7890  ", PersonalNames: ["Rina"]);

        var received = (PublicFeedbackReceived)AppraisalDecisions.ReceivePublicFeedback(Public(Opened), Cycle(), input, 500, Today, Now).Single();

        (received.Comment, received.MaskingRule).Should().Be(("Terima kasih, [nama disamarkan] kini rajin. WA [nomor telepon disamarkan]", CommentMasking.Version));
        received.Masked.Should().Equal("phone", "name");
        var plain = (PublicFeedbackReceived)AppraisalDecisions.ReceivePublicFeedback(
            Public(Opened), Cycle(), input with { SubmissionId = "portal-0092", Comment = "Guru sabar" }, 500, Today, Now).Single();
        (plain.Comment, plain.Masked, plain.MaskingRule).Should().Be(("Guru sabar", (IReadOnlyList<string>?)null, (string?)null));
    }
}
