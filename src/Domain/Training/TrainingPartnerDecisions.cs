namespace Kinerja.Domain.Training;

/// <summary>The terms of a partner's agreement as BKPSDM enters them.</summary>
public sealed record PartnerTerms(string Institution, PartnerAgreement Agreement, PartnerOffer Offer, long Value);

/// <summary>
/// A partner's agreement and the grants that draw on its offer. Competency development may be carried out in cooperation
/// with other bodies (PP 11/2017 as amended by PP 17/2020, the part on pengembangan kompetensi; Peraturan LAN 10/2018); what
/// binds BKPSDM is the PKS itself, so a partner pays only within the agreement's dates and what it offers.
/// </summary>
public static class TrainingPartnerDecisions
{
    public static IReadOnlyList<object> Register(Guid id, PartnerTerms terms, DateTimeOffset now)
    {
        var clean = Clean(terms);
        return [new TrainingPartnerRegistered(id, clean.Institution, clean.Agreement, clean.Offer, clean.Value, now)];
    }

    /// <summary>An amendment that changes nothing is a retry; one that would leave a year's grants beyond the offer is refused.</summary>
    public static IReadOnlyList<object> Amend(TrainingPartner partner, PartnerTerms terms, DateTimeOffset now)
    {
        EnsureInForce(partner);
        var clean = Clean(terms);
        if (Same(partner, clean))
        {
            return [];
        }

        var amended = partner with { Offer = clean.Offer };
        foreach (var year in partner.Draws.Select(d => d.Year).Distinct().Order())
        {
            if (amended.RemainingIn(year) is { } left && (left.SeatsLeft < 0 || left.JpLeft < 0))
            {
                throw new DomainRuleViolation("partner-offer-below-drawn",
                    $"In {year} grants already take {left.SeatsTaken} seats and {left.JpTaken} JP of {partner.Institution}'s offer; the amended offer must keep them.",
                    new Dictionary<string, object> { ["year"] = year, ["seatsTaken"] = left.SeatsTaken, ["jpTaken"] = left.JpTaken });
            }
        }

        return [new TrainingPartnerAmended(partner.Id, clean.Institution, clean.Agreement, clean.Offer, clean.Value, now)];
    }

    public static IReadOnlyList<object> End(TrainingPartner partner, DateOnly endedOn, string reason, DateTimeOffset now)
    {
        if (partner.EndedOn is { } ended)
        {
            return ended == endedOn ? [] : throw Ended(partner);
        }

        if (endedOn < partner.Agreement.StartsOn || endedOn > partner.Agreement.EndsOn)
        {
            throw new DomainRuleViolation("partner-end-outside-agreement",
                $"The agreement {partner.Agreement.PksNumber} runs from {partner.Agreement.StartsOn:yyyy-MM-dd} to {partner.Agreement.EndsOn:yyyy-MM-dd}; it can end only within that period.");
        }

        return [new TrainingPartnerAgreementEnded(partner.Id, endedOn, reason.Trim(), now)];
    }

    /// <summary>
    /// A grant of <paramref name="year"/> may name the partner while its agreement is in force today and in force in part of
    /// that year, and the year's offer still has a seat and the grant's JP.
    /// </summary>
    public static IReadOnlyList<object> Take(TrainingPartner partner, Guid grantId, int year, int jp, DateOnly today, DateTimeOffset now)
    {
        if (partner.Draws.Any(d => d.GrantId == grantId))
        {
            return [];
        }

        if (!partner.InForceOn(today) || partner.Agreement.StartsOn.Year > year || partner.InForceUntil.Year < year)
        {
            throw NotCovering(partner, $"a grant of {year} requested on {today:yyyy-MM-dd}");
        }

        var left = partner.RemainingIn(year);
        if (left.SeatsLeft < 1 || left.JpLeft < jp)
        {
            throw new DomainRuleViolation("partner-offer-exhausted",
                $"{partner.Institution}'s offer for {year} has {Show(left.SeatsLeft)} seats and {Show(left.JpLeft)} JP left; the grant needs one seat and {jp} JP.",
                new Dictionary<string, object?> { ["year"] = year, ["seatsLeft"] = left.SeatsLeft, ["jpLeft"] = left.JpLeft }
                    .Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!));
        }

        return [new TrainingPartnerSeatTaken(partner.Id, grantId, year, jp, now)];
    }

    public static IReadOnlyList<object> Release(TrainingPartner partner, Guid grantId, DateTimeOffset now) =>
        partner.Draws.Any(d => d.GrantId == grantId) ? [new TrainingPartnerSeatReleased(partner.Id, grantId, now)] : [];

    /// <summary>A partner-funded grant is held within the agreement's dates when it is scheduled.</summary>
    public static void EnsureCovers(TrainingPartner partner, DateOnly startsOn, DateOnly endsOn)
    {
        if (!partner.InForceOn(startsOn) || !partner.InForceOn(endsOn))
        {
            throw NotCovering(partner, $"training from {startsOn:yyyy-MM-dd} to {endsOn:yyyy-MM-dd}");
        }
    }

    private static void EnsureInForce(TrainingPartner partner)
    {
        if (partner.EndedOn is not null)
        {
            throw Ended(partner);
        }
    }

    private static PartnerTerms Clean(PartnerTerms terms) => terms with
    {
        Institution = terms.Institution.Trim(),
        Agreement = terms.Agreement with { PksNumber = terms.Agreement.PksNumber.Trim() },
        Offer = terms.Offer with { CompetencyCodes = [.. terms.Offer.CompetencyCodes.Select(c => c.Trim().ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal)] },
    };

    private static bool Same(TrainingPartner partner, PartnerTerms terms) =>
        partner.Institution == terms.Institution && partner.Agreement == terms.Agreement && partner.Value == terms.Value
        && partner.Offer.SeatsPerYear == terms.Offer.SeatsPerYear && partner.Offer.JpPerYear == terms.Offer.JpPerYear
        && partner.Offer.CompetencyCodes.SequenceEqual(terms.Offer.CompetencyCodes);

    private static string Show(int? left) => left?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited";

    private static DomainRuleViolation Ended(TrainingPartner partner) =>
        new("partner-agreement-ended", $"The agreement {partner.Agreement.PksNumber} with {partner.Institution} ended on {partner.EndedOn:yyyy-MM-dd}.");

    private static DomainRuleViolation NotCovering(TrainingPartner partner, string what) =>
        new("partner-agreement-not-covering",
            $"The agreement {partner.Agreement.PksNumber} with {partner.Institution} is in force from {partner.Agreement.StartsOn:yyyy-MM-dd} to {partner.InForceUntil:yyyy-MM-dd}; it does not cover {what}.",
            new Dictionary<string, object> { ["startsOn"] = partner.Agreement.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["inForceUntil"] = partner.InForceUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
}
