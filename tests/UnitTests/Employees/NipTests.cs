using Kinerja.Domain.Employees;

namespace Kinerja.UnitTests.Employees;

public class NipTests
{
    private static readonly DateOnly Today = new(2026, 9, 15);

    /// <summary>The rule is named in English (the 409 detail) and said in Indonesian too, not left in English.</summary>
    private static void ShouldBreak(Kinerja.Domain.Wording? problem, string reason)
    {
        problem.Should().NotBeNull();
        problem!.English.Should().Contain(reason);
        problem.Indonesian.Should().NotBeNullOrWhiteSpace().And.NotBe(problem.English);
    }

    [Theory]
    [InlineData("198609262015051001")]
    [InlineData("199001012015022999")]
    [InlineData("200002292024121001")]
    public void A_PNS_nip_with_a_real_birth_date_a_later_tmt_a_gender_and_a_sequence_is_valid(string nip) =>
        Nip.Problem(nip, EmploymentType.PNS, Today).Should().BeNull();

    [Theory]
    [InlineData(null, "digits")]
    [InlineData("", "digits")]
    [InlineData("19860926201505100", "digits")]
    [InlineData("1986092620150510011", "digits")]
    [InlineData("19860926201505100A", "digits")]
    [InlineData("1986O9262015051001", "digits")]
    [InlineData("198602302015051001", "birth date")]
    [InlineData("198613262015051001", "birth date")]
    [InlineData("189912312015051001", "birth date")]
    [InlineData("198609262015131001", "TMT CPNS year and month")]
    [InlineData("198609262015001001", "TMT CPNS year and month")]
    [InlineData("198609261986091001", "at least 18")]
    [InlineData("198609261980011001", "at least 18")]
    [InlineData("198609262004081001", "at least 18")]
    [InlineData("202609162026091001", "birth date (digits 1-8) must not be in the future")]
    [InlineData("198609262026101001", "TMT CPNS (digits 9-14) must not be in the future")]
    [InlineData("198609262015053001", "gender")]
    [InlineData("198609262015050001", "gender")]
    [InlineData("198609262015051000", "sequence")]
    public void A_PNS_nip_breaking_a_rule_is_refused_with_the_rule_it_breaks(string? nip, string reason) =>
        ShouldBreak(Nip.Problem(nip, EmploymentType.PNS, Today), reason);

    [Theory]
    [InlineData("199001012023212004")]
    [InlineData("199001012023213004")]
    [InlineData("199001012023210000")]
    [InlineData("199001012010999999")]
    [InlineData("199001012026999999")]
    public void A_PPPK_number_is_checked_only_for_length_birth_date_appointment_year_and_digits(string nip) =>
        Nip.Problem(nip, EmploymentType.PPPK, Today).Should().BeNull();

    [Theory]
    [InlineData("199002302023212004", "birth date")]
    [InlineData("199013012023212004", "birth date")]
    [InlineData("19900101202321200", "digits")]
    [InlineData("1990010120232120045", "digits")]
    [InlineData("19900101202321200X", "digits")]
    [InlineData("199001012027212004", "must not be in the future")]
    [InlineData("199001012009212004", "at least 20")]
    [InlineData("202609162026212004", "birth date (digits 1-8) must not be in the future")]
    public void A_PPPK_number_with_a_wrong_length_a_letter_an_impossible_birth_date_or_appointment_year_is_refused(string nip, string reason) =>
        ShouldBreak(Nip.Problem(nip, EmploymentType.PPPK, Today), reason);

    [Fact]
    public void A_PPPK_number_is_not_a_valid_PNS_nip_when_its_codes_break_the_PNS_layout() =>
        Nip.Problem("199001012023213004", EmploymentType.PNS, Today).Should().NotBeNull();

    [Theory]
    [InlineData("198609012004091001")]
    [InlineData("198609262026091001")]
    public void A_PNS_nip_whose_TMT_is_the_month_of_the_18th_birthday_or_this_month_is_valid(string nip) =>
        Nip.Problem(nip, EmploymentType.PNS, Today).Should().BeNull();

    /// <summary>Pins the reference table: PP 11/2017 art. 23(1)(a) for PNS, PP 49/2018 art. 16(a) for PPPK.</summary>
    [Theory]
    [InlineData(EmploymentType.PNS, 18)]
    [InlineData(EmploymentType.PPPK, 20)]
    public void The_minimum_age_at_appointment_is_18_for_a_PNS_and_20_for_a_PPPK(EmploymentType type, int age)
    {
        Nip.MinimumAge[type].Should().Be(age);
        Nip.MinimumAge.Should().HaveCount(2);
    }

    [Fact]
    public void Formatting_a_nip_groups_birth_date_tmt_gender_and_sequence() =>
        Nip.Format("198609262015051001").Should().Be("19860926 201505 1 001");

    [Fact]
    public void Reading_the_birth_date_takes_the_first_eight_digits() =>
        Nip.BirthDate("198609262015051001").Should().Be(new DateOnly(1986, 9, 26));

    [Theory]
    [InlineData("WALIKOTA-AMBON", true)]
    [InlineData("PPK1", true)]
    [InlineData("walikota", false)]
    [InlineData("1WALIKOTA", false)]
    [InlineData("PP", false)]
    [InlineData("198609262015051001", false)]
    public void A_non_ASN_official_is_keyed_by_a_registry_code_that_never_looks_like_a_NIP(string key, bool valid)
    {
        (Nip.Problem(key, EmploymentType.NonAsn, Today) is null).Should().Be(valid);
        Nip.IsKey(key).Should().Be(valid || key.Length == Nip.Length);
    }
}
