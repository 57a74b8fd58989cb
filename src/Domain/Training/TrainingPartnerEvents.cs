namespace Kinerja.Domain.Training;

/// <summary>
/// The perjanjian kerja sama (PKS, a cooperation agreement) with a training partner: its number and the dates it is in force.
/// </summary>
public sealed record PartnerAgreement(string PksNumber, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>
/// What the partner offers per calendar year (tahun anggaran): seats (one per grant) and/or lesson hours (JP), for these
/// competencies. A null limit is not offered as a limit: the other one bounds the offer.
/// </summary>
public sealed record PartnerOffer(int? SeatsPerYear, int? JpPerYear, IReadOnlyList<string> CompetencyCodes);

/// <summary>A mitra kerja sama (training partner) is registered by BKPSDM with its agreement, its offer and the agreement's value in rupiah.</summary>
public sealed record TrainingPartnerRegistered(
    Guid PartnerId, string Institution, PartnerAgreement Agreement, PartnerOffer Offer, long Value, DateTimeOffset RegisteredAt);

/// <summary>An addendum to the agreement: every term as it now reads.</summary>
public sealed record TrainingPartnerAmended(
    Guid PartnerId, string Institution, PartnerAgreement Agreement, PartnerOffer Offer, long Value, DateTimeOffset AmendedAt);

/// <summary>The agreement ends early; <see cref="EndedOn"/> is its last day in force.</summary>
public sealed record TrainingPartnerAgreementEnded(Guid PartnerId, DateOnly EndedOn, string Reason, DateTimeOffset EndedAt);

/// <summary>A grant funded by the partner takes one seat and its planned JP from the offer of the grant's year.</summary>
public sealed record TrainingPartnerSeatTaken(Guid PartnerId, Guid GrantId, int Year, int Jp, DateTimeOffset TakenAt);

/// <summary>A rejected or cancelled grant gives its seat and JP back.</summary>
public sealed record TrainingPartnerSeatReleased(Guid PartnerId, Guid GrantId, DateTimeOffset ReleasedAt);
