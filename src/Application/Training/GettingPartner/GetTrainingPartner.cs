using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Training.GettingPartner;

/// <summary>
/// A training partner with its agreement, its offer and, per year, what grants have taken and what is left: the current year
/// and every year a grant drew on.
/// </summary>
public sealed record TrainingPartnerView(
    Guid Id,
    string Institution,
    PartnerAgreement Agreement,
    PartnerOffer Offer,
    long Value,
    DateOnly InForceUntil,
    bool InForceToday,
    DateOnly? EndedOn,
    string? EndReason,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<PartnerRemaining> Years)
{
    public static TrainingPartnerView Of(TrainingPartner p, DateOnly today) => new(
        p.Id, p.Institution, p.Agreement, p.Offer, p.Value, p.InForceUntil, p.InForceOn(today), p.EndedOn, p.EndReason, p.RegisteredAt,
        [.. p.Draws.Select(d => d.Year).Append(today.Year).Distinct().Order().Select(p.RemainingIn)]);
}

public static class TrainingPartnerStreams
{
    public static NotFound NotFound(Guid id) => new("training-partner-not-found", $"No training partner has id {id}.");

    public static async Task<Written> DecidePartner(
        this IEventStore store, Guid id, Func<TrainingPartner, IReadOnlyList<object>> decide, CancellationToken ct) =>
        new(id, await store.Decide(id, () => NotFound(id), decide, ct), id.ToString());
}

public sealed record GetTrainingPartner(Guid Id) : IQuery<Versioned<TrainingPartnerView>>;

public sealed class GetTrainingPartnerHandler(ITrainingDirectory training, IEventStore store, TimeProvider clock)
    : IQueryHandler<GetTrainingPartner, Versioned<TrainingPartnerView>>
{
    public async ValueTask<Versioned<TrainingPartnerView>> Handle(GetTrainingPartner query, CancellationToken ct)
    {
        var partner = await training.Partner(query.Id, ct) ?? throw TrainingPartnerStreams.NotFound(query.Id);
        return new Versioned<TrainingPartnerView>(TrainingPartnerView.Of(partner, clock.Today()), await store.Version(query.Id, ct) ?? 0);
    }
}

/// <summary>
/// Partners in the order they were registered, paged by cursor (the last id of the previous page); <see cref="Competency"/>
/// keeps those whose offer covers that competency, <see cref="InForce"/> those whose agreement is (or is not) in force today.
/// </summary>
public sealed record ListTrainingPartners(string? Competency, bool? InForce, int? Limit, string? Cursor) : IQuery<Page<TrainingPartnerView>>;

public sealed class ListTrainingPartnersValidator : AbstractValidator<ListTrainingPartners>
{
    public ListTrainingPartnersValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Competency!).CompetencyCode().When(q => q.Competency is not null);
        RuleFor(q => q.Cursor).IssuedCursor(c => Guid.TryParseExact(c, "N", out _));
    }
}

public sealed class ListTrainingPartnersHandler(ITrainingDirectory training, TimeProvider clock) : IQueryHandler<ListTrainingPartners, Page<TrainingPartnerView>>
{
    private const int Batch = 200;

    public async ValueTask<Page<TrainingPartnerView>> Handle(ListTrainingPartners query, CancellationToken ct)
    {
        var today = clock.Today();
        var limit = query.Limit ?? Paging.DefaultLimit;
        var after = query.Cursor is { } c ? Guid.ParseExact(c, "N") : (Guid?)null;
        var found = new List<TrainingPartner>();
        // The filters read the offer and the dates in force, so partners are walked in order until a page (and one more) is found.
        while (found.Count <= limit)
        {
            var batch = await training.Partners(after, Batch, ct);
            found.AddRange(batch.Where(p => (query.Competency is not { } code || p.Covers(code)) && (query.InForce is not { } inForce || p.InForceOn(today) == inForce)));
            if (batch.Count < Batch)
            {
                break;
            }

            after = batch[^1].Id;
        }

        var items = found.Take(limit).Select(p => TrainingPartnerView.Of(p, today)).ToList();
        return new Page<TrainingPartnerView>(items, found.Count > limit ? items[^1].Id.ToString("N") : null);
    }
}
