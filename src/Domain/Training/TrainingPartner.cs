namespace Kinerja.Domain.Training;

/// <summary>A grant's draw on a partner's offer.</summary>
public sealed record PartnerDraw(Guid GrantId, int Year, int Jp);

/// <summary>What a partner's offer has left in a year; a null figure is not limited.</summary>
public sealed record PartnerRemaining(int Year, int SeatsTaken, int JpTaken, int? SeatsLeft, int? JpLeft);

/// <summary>A training partner (mitra kerja sama) as its decisions see it; small enough to double as its read model.</summary>
public sealed record TrainingPartner(
    Guid Id,
    string Institution,
    PartnerAgreement Agreement,
    PartnerOffer Offer,
    long Value,
    DateOnly? EndedOn,
    string? EndReason,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<PartnerDraw> Draws)
{
    /// <summary>The last day the agreement is in force: its end date, or the early end.</summary>
    public DateOnly InForceUntil => EndedOn is { } ended && ended < Agreement.EndsOn ? ended : Agreement.EndsOn;

    public bool InForceOn(DateOnly day) => Agreement.StartsOn <= day && day <= InForceUntil;

    public bool Covers(string competencyCode) => Offer.CompetencyCodes.Contains(competencyCode, StringComparer.OrdinalIgnoreCase);

    public PartnerRemaining RemainingIn(int year)
    {
        var drawn = Draws.Where(d => d.Year == year).ToList();
        var jp = drawn.Sum(d => d.Jp);
        return new PartnerRemaining(year, drawn.Count, jp, Offer.SeatsPerYear - drawn.Count, Offer.JpPerYear - jp);
    }

    public static TrainingPartner Evolve(TrainingPartner? state, object @event) => (state, @event) switch
    {
        (null, TrainingPartnerRegistered e) => new TrainingPartner(e.PartnerId, e.Institution, e.Agreement, e.Offer, e.Value, null, null, e.RegisteredAt, []),
        (not null, TrainingPartnerAmended e) => state with { Institution = e.Institution, Agreement = e.Agreement, Offer = e.Offer, Value = e.Value },
        (not null, TrainingPartnerAgreementEnded e) => state with { EndedOn = e.EndedOn, EndReason = e.Reason },
        (not null, TrainingPartnerSeatTaken e) => state with { Draws = [.. state.Draws, new PartnerDraw(e.GrantId, e.Year, e.Jp)] },
        (not null, TrainingPartnerSeatReleased e) => state with { Draws = [.. state.Draws.Where(d => d.GrantId != e.GrantId)] },
        _ => throw new InvalidDataException($"{@event.GetType().Name} does not apply to training partner {(state is null ? "before its registration" : state.Id)}."),
    };
}
