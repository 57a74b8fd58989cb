using FluentValidation;
using Mediator;

namespace Kinerja.Application.Integration.ReadingFeed;

/// <summary>Integration events after a position, oldest first. A consumer stores <see cref="FeedPage.LastPosition"/> and asks again after it.</summary>
public sealed record ReadFeed(long? After, int? Limit) : IQuery<FeedPage>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}

public sealed class ReadFeedValidator : AbstractValidator<ReadFeed>
{
    public ReadFeedValidator()
    {
        RuleFor(q => q.After).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Limit).InclusiveBetween(1, ReadFeed.MaxLimit);
    }
}

public sealed class ReadFeedHandler(IFeed feed) : IQueryHandler<ReadFeed, FeedPage>
{
    public async ValueTask<FeedPage> Handle(ReadFeed query, CancellationToken ct)
    {
        var after = query.After ?? 0;
        var limit = query.Limit ?? ReadFeed.DefaultLimit;
        var found = await feed.After(after, limit + 1, null, ct);
        var items = found.Take(limit).ToList();
        return new FeedPage(items, items.Count > 0 ? items[^1].Position : after, found.Count > limit);
    }
}
