using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Training.AnalysingNeeds;
using Kinerja.Domain.Employees;
using Mediator;

namespace Kinerja.Application.Training.GettingTrainingNeeds;

/// <param name="PerformanceNeeds">The weaknesses of the latest final appraisal, each with its evidence (docs/decisions/102).</param>
public sealed record TrainingNeedsView(
    string Nip, PositionKind PositionKind, PositionKind? TargetPositionKind, string StandardVersion, DateOnly? AssessedOn, IReadOnlyList<TrainingNeedItem> Needs,
    IReadOnlyList<PerformanceNeedItem> PerformanceNeeds);

/// <summary>Needs against the current position's standard and, when given, a target position kind's; and from the latest final appraisal.</summary>
public sealed record GetTrainingNeeds(string Nip, PositionKind? TargetPositionKind) : IQuery<TrainingNeedsView>;

public sealed class GetTrainingNeedsHandler(IEmployeeDirectory directory, EmployeeTrainingNeeds needs, TrainingAccess access)
    : IQueryHandler<GetTrainingNeeds, TrainingNeedsView>
{
    public async ValueTask<TrainingNeedsView> Handle(GetTrainingNeeds query, CancellationToken ct)
    {
        var profile = await directory.Addressed(query.Nip, ct);
        await access.EnsureCanRead(profile, ct);
        var found = await needs.Of(profile, query.TargetPositionKind, ct);
        return new TrainingNeedsView(
            profile.Nip, found.PositionKind, query.TargetPositionKind, found.Standard.Version, profile.LatestAssessment?.AssessedOn, found.Competency, found.Performance);
    }
}
