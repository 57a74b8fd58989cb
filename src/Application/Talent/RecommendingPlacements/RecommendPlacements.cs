using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Employees;
using Kinerja.Application.Positions;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Talent;
using Mediator;

namespace Kinerja.Application.Talent.RecommendingPlacements;

public sealed record PlacementRecommendation(string Code, string Name, string UnitCode, PositionKind Kind, PositionLevel? Level, int Vacancies, PlacementFit Fit);

/// <param name="Fitting">How many vacant positions fit in all: more than <see cref="Items"/> holds when the limit cut the list short.</param>
public sealed record PlacementRecommendations(
    string Nip, string FullName, Potential? Potential, DateOnly? AssessedOn, IReadOnlyList<PlacementRecommendation> Items, int Fitting);

/// <summary>
/// The vacant positions that fit the employee (PlacementMatching.Fits: no step-down, on their path or rumpun, at least half of
/// the requirements' weight met or still unassessed), best fit first by PlacementMatching, then by position code; the first
/// <see cref="Limit"/> of them.
/// </summary>
public sealed record RecommendPlacements(string Nip, int? Limit) : IQuery<PlacementRecommendations>;

public sealed class RecommendPlacementsValidator : AbstractValidator<RecommendPlacements>
{
    public RecommendPlacementsValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
}

public sealed class RecommendPlacementsHandler(IEmployeeDirectory employees, ITalentDirectory talent, IPositionDirectory positions, ICurrentActor current)
    : IQueryHandler<RecommendPlacements, PlacementRecommendations>
{
    public async ValueTask<PlacementRecommendations> Handle(RecommendPlacements query, CancellationToken ct)
    {
        var employee = await employees.Addressed(query.Nip, ct);
        if (!Roles.ReadsEverything(current.Actor.Role) && current.Actor.Nip != employee.Nip)
        {
            throw new AccessDenied("Placement recommendations are for hr-admin, portal, auditor and the employee themself.");
        }

        var profile = await talent.FindByNip(employee.Nip, ct);
        if (profile is null)
        {
            return new PlacementRecommendations(employee.Nip, employee.FullName, null, null, [], 0);
        }

        var vacant = await positions.List(new PositionFilter(null, Vacant: true, null, int.MaxValue), ct);
        var fitting = vacant
            .Select(p => (Position: p, Scored: PlacementFit.Of(profile, PlacementTarget.Of(p))))
            .Where(x => PlacementMatching.Fits(x.Scored.Rank, x.Scored.StepDown))
            .ToList();
        var items = fitting
            .OrderBy(x => x.Scored.Rank, Comparer<PlacementRank>.Create(PlacementMatching.Compare))
            .ThenBy(x => x.Position.Code, StringComparer.Ordinal)
            .Take(query.Limit ?? Paging.DefaultLimit)
            .Select(x => new PlacementRecommendation(x.Position.Code, x.Position.Name, x.Position.UnitCode, x.Position.Kind, x.Position.Level, x.Position.Vacancies, x.Scored.Fit))
            .ToList();
        return new PlacementRecommendations(profile.Nip, profile.FullName, profile.Potential, profile.AssessedOn, items, fitting.Count);
    }
}
