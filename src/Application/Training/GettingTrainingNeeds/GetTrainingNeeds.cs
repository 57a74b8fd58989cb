using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Training;
using Mediator;

namespace Kinerja.Application.Training.GettingTrainingNeeds;

/// <summary>One competency to develop: where the level comes from, what the standard asks and why, and the open grants already addressing it.</summary>
public sealed record TrainingNeedItem(
    string CompetencyCode, int CurrentLevel, LevelEvidence LevelEvidence, DateOnly LevelAsOf, int RequiredLevel, int Gap,
    IReadOnlyList<NeedOrigin> Origins, IReadOnlyList<Guid> AddressedBy);

public sealed record TrainingNeedsView(
    string Nip, PositionKind PositionKind, PositionKind? TargetPositionKind, string StandardVersion, DateOnly? AssessedOn, IReadOnlyList<TrainingNeedItem> Needs);

/// <summary>Needs against the current position's standard and, when given, a target position kind's.</summary>
public sealed record GetTrainingNeeds(string Nip, PositionKind? TargetPositionKind) : IQuery<TrainingNeedsView>;

public sealed class GetTrainingNeedsHandler(IEmployeeDirectory directory, ITrainingDirectory training, TrainingAccess access, TimeProvider clock)
    : IQueryHandler<GetTrainingNeeds, TrainingNeedsView>
{
    public async ValueTask<TrainingNeedsView> Handle(GetTrainingNeeds query, CancellationToken ct)
    {
        var profile = await directory.Addressed(query.Nip, ct);
        await access.EnsureCanRead(profile, ct);
        var today = clock.Today();
        var position = (profile.PlacementOn(today) ?? profile.Placements[0]).Position;
        var grants = await training.Grants(new GrantFilter(null, profile.Id, null, null, null, null), ct);
        var levels = TrainingNeeds.KnownLevels(profile.LatestAssessment, grants.Select(g => g.Completion).OfType<TrainingCompletion>());
        var standard = CompetencyStandards.On(today);
        var open = grants.Where(g => g.Status is GrantStatus.Requested or GrantStatus.Approved or GrantStatus.Scheduled).ToList();
        var needs = TrainingNeeds.Derive(levels, position.Kind, query.TargetPositionKind, standard)
            .Select(n => new TrainingNeedItem(
                n.CompetencyCode, n.Current.Level, n.Current.Evidence, n.Current.AsOf, n.RequiredLevel, n.Gap, n.Origins,
                [.. open.Where(g => g.Request.CompetencyCodes.Contains(n.CompetencyCode)).Select(g => g.Id)]))
            .ToList();
        return new TrainingNeedsView(profile.Nip, position.Kind, query.TargetPositionKind, standard.Version, profile.LatestAssessment?.AssessedOn, needs);
    }
}
