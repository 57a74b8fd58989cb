using Kinerja.Domain.Training;

namespace Kinerja.UnitTests.Training;

public sealed class TrainingPartnerDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 15, 10, 0, 0, TimeSpan.FromHours(9));
    private static readonly DateOnly Today = new(2026, 9, 15);
    private static readonly Guid PartnerId = Guid.NewGuid();

    private static PartnerTerms Terms(int? seats = 2, int? jp = 40, string endsOn = "2027-06-30") => new(
        " Universitas Pattimura ", new PartnerAgreement("800/045/PKS/2026", new DateOnly(2026, 1, 1), DateOnly.Parse(endsOn, System.Globalization.CultureInfo.InvariantCulture)),
        new PartnerOffer(seats, jp, ["teknis.gizi", "TEKNIS.PEMBELAJARAN"]), 350_000_000);

    private static TrainingPartner Partner(PartnerTerms? terms = null, params object[] then) =>
        TrainingPartnerDecisions.Register(PartnerId, terms ?? Terms(), Now).Concat(then).Aggregate((TrainingPartner?)null, TrainingPartner.Evolve)!;

    private static object Taken(int jp, int year = 2026) => new TrainingPartnerSeatTaken(PartnerId, Guid.NewGuid(), year, jp, Now);

    [Fact]
    public void Registration_keeps_the_terms_cleaned_with_competency_codes_in_canonical_form()
    {
        var partner = Partner();
        (partner.Institution, partner.Value, partner.InForceUntil).Should().Be(("Universitas Pattimura", 350_000_000L, new DateOnly(2027, 6, 30)));
        partner.Offer.CompetencyCodes.Should().Equal("TEKNIS.GIZI", "TEKNIS.PEMBELAJARAN");
        partner.Covers("teknis.gizi").Should().BeTrue();
        partner.Covers("TEKNIS.JARINGAN").Should().BeFalse();
    }

    [Fact]
    public void A_grant_takes_a_seat_and_its_JP_while_both_last_and_the_seat_beyond_is_refused_with_what_is_left()
    {
        var partner = Partner(null, Taken(24));
        TrainingPartnerDecisions.Take(partner, Guid.NewGuid(), 2026, 16, Today, Now).Should().ContainSingle().Which.Should().BeOfType<TrainingPartnerSeatTaken>();

        var jpShort = FluentActions.Invoking(() => TrainingPartnerDecisions.Take(partner, Guid.NewGuid(), 2026, 17, Today, Now))
            .Should().Throw<Kinerja.Domain.DomainRuleViolation>().Which;
        jpShort.Code.Should().Be("partner-offer-exhausted");
        (jpShort.Extensions["seatsLeft"], jpShort.Extensions["jpLeft"]).Should().Be((1, 16));

        var full = Partner(null, Taken(8), Taken(8));
        TrainingGrantDecisionsTests.Code(() => TrainingPartnerDecisions.Take(full, Guid.NewGuid(), 2026, 1, Today, Now)).Should().Be("partner-offer-exhausted");
    }

    [Fact]
    public void Seats_are_counted_per_year_and_an_offer_of_JP_only_limits_JP_only()
    {
        var full = Partner(null, Taken(8), Taken(8));
        TrainingPartnerDecisions.Take(full, Guid.NewGuid(), 2027, 8, Today, Now).Should().ContainSingle();

        var jpOnly = Partner(Terms(seats: null, jp: 40), Taken(8), Taken(8), Taken(8));
        TrainingPartnerDecisions.Take(jpOnly, Guid.NewGuid(), 2026, 16, Today, Now).Should().ContainSingle();
        jpOnly.RemainingIn(2026).Should().Be(new PartnerRemaining(2026, 3, 24, null, 16));
    }

    [Fact]
    public void Taking_for_the_same_grant_again_changes_nothing_and_a_release_gives_the_seat_back_once()
    {
        var grant = Guid.NewGuid();
        var partner = Partner(null, new TrainingPartnerSeatTaken(PartnerId, grant, 2026, 24, Now));
        TrainingPartnerDecisions.Take(partner, grant, 2026, 24, Today, Now).Should().BeEmpty();

        var released = TrainingPartnerDecisions.Release(partner, grant, Now).Should().ContainSingle().Subject;
        var after = TrainingPartner.Evolve(partner, released);
        after.RemainingIn(2026).Should().Be(new PartnerRemaining(2026, 0, 0, 2, 40));
        TrainingPartnerDecisions.Release(after, grant, Now).Should().BeEmpty();
    }

    [Fact]
    public void A_grant_of_a_year_the_agreement_does_not_reach_or_after_the_agreement_ended_is_refused()
    {
        TrainingGrantDecisionsTests.Code(() => TrainingPartnerDecisions.Take(Partner(), Guid.NewGuid(), 2028, 8, Today, Now))
            .Should().Be("partner-agreement-not-covering");
        var ended = Partner(null, new TrainingPartnerAgreementEnded(PartnerId, new DateOnly(2026, 8, 31), "Dialihkan", Now));
        TrainingGrantDecisionsTests.Code(() => TrainingPartnerDecisions.Take(ended, Guid.NewGuid(), 2026, 8, Today, Now))
            .Should().Be("partner-agreement-not-covering");
        TrainingGrantDecisionsTests.Code(() => TrainingPartnerDecisions.Take(Partner(Terms(endsOn: "2026-09-14")), Guid.NewGuid(), 2026, 8, Today, Now))
            .Should().Be("partner-agreement-not-covering");
    }

    [Fact]
    public void Training_is_scheduled_only_within_the_days_the_agreement_is_in_force()
    {
        var partner = Partner(null, new TrainingPartnerAgreementEnded(PartnerId, new DateOnly(2026, 12, 31), "Dialihkan", Now));
        FluentActions.Invoking(() => TrainingPartnerDecisions.EnsureCovers(partner, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31))).Should().NotThrow();
        TrainingGrantDecisionsTests.Code(() => TrainingPartnerDecisions.EnsureCovers(partner, new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 3)))
            .Should().Be("partner-agreement-not-covering");
    }

    [Fact]
    public void An_amendment_may_not_cut_the_offer_below_what_grants_already_take_and_the_same_terms_again_change_nothing()
    {
        var partner = Partner(null, Taken(24), Taken(8));
        TrainingPartnerDecisions.Amend(partner, Terms(), Now).Should().BeEmpty();
        TrainingPartnerDecisions.Amend(partner, Terms(seats: 2, jp: 32), Now).Should().ContainSingle().Which.Should().BeOfType<TrainingPartnerAmended>();

        var refusal = FluentActions.Invoking(() => TrainingPartnerDecisions.Amend(partner, Terms(seats: 1), Now))
            .Should().Throw<Kinerja.Domain.DomainRuleViolation>().Which;
        refusal.Code.Should().Be("partner-offer-below-drawn");
        (refusal.Extensions["year"], refusal.Extensions["seatsTaken"], refusal.Extensions["jpTaken"]).Should().Be((2026, 2, 32));
    }

    [Fact]
    public void An_agreement_ends_within_its_period_once_and_an_ended_one_takes_no_amendment()
    {
        var partner = Partner();
        TrainingGrantDecisionsTests.Code(() => TrainingPartnerDecisions.End(partner, new DateOnly(2027, 7, 1), "Selesai", Now)).Should().Be("partner-end-outside-agreement");
        var ended = TrainingPartner.Evolve(partner, TrainingPartnerDecisions.End(partner, new DateOnly(2026, 12, 31), " Dialihkan ", Now).Single());
        (ended.EndedOn, ended.EndReason, ended.InForceUntil).Should().Be((new DateOnly(2026, 12, 31), "Dialihkan", new DateOnly(2026, 12, 31)));

        TrainingPartnerDecisions.End(ended, new DateOnly(2026, 12, 31), "Dialihkan", Now).Should().BeEmpty();
        TrainingGrantDecisionsTests.Code(() => TrainingPartnerDecisions.End(ended, new DateOnly(2026, 11, 30), "Dialihkan", Now)).Should().Be("partner-agreement-ended");
        TrainingGrantDecisionsTests.Code(() => TrainingPartnerDecisions.Amend(ended, Terms(seats: 5), Now)).Should().Be("partner-agreement-ended");
    }
}
