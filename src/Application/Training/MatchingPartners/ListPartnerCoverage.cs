using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Domain;
using Kinerja.Application.Employees;
using Kinerja.Application.Employees.ListingEmployees;
using Kinerja.Application.Training.AnalysingNeeds;
using Kinerja.Application.Training.GettingPartner;
using Kinerja.Application.Units;
using Mediator;

namespace Kinerja.Application.Training.MatchingPartners;

/// <summary>A competency need of the employee that the partner's offer covers.</summary>
public sealed record CoveredNeed(string CompetencyCode, int CurrentLevel, int RequiredLevel, int Gap);

public sealed record CoveredEmployee(string Nip, string FullName, string UnitCode, IReadOnlyList<CoveredNeed> Needs);

/// <summary>
/// The employees of a unit (with its sub-units) whose competency needs the partner's offer covers, ordered by NIP: the same
/// competency gap analysis as their training needs. Performance needs (BerAKHLAK values, SKP aspects) are not competencies a
/// partner offers, so they are not matched.
/// </summary>
public sealed record ListPartnerCoverage(Guid PartnerId, string UnitCode, int? Limit, string? Cursor) : IQuery<Page<CoveredEmployee>>;

public sealed class ListPartnerCoverageValidator : AbstractValidator<ListPartnerCoverage>
{
    public ListPartnerCoverageValidator()
    {
        RuleFor(q => q.UnitCode).NotEmpty().WithMessage(new Wording("sebutkan unit (unit=KODE) yang pegawainya dicocokkan", "name the unit (unit=CODE) whose employees to match"));
        RuleFor(q => q.UnitCode).UnitCode().When(q => !string.IsNullOrEmpty(q.UnitCode));
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Cursor).IssuedCursor(c => Cursor.Decode(c) is not null);
    }
}

public sealed class ListPartnerCoverageHandler(ITrainingDirectory training, IEmployeeDirectory directory, IUnitDirectory units, TimeProvider clock)
    : IQueryHandler<ListPartnerCoverage, Page<CoveredEmployee>>
{
    private const int Batch = 200;

    public async ValueTask<Page<CoveredEmployee>> Handle(ListPartnerCoverage query, CancellationToken ct)
    {
        var partner = await training.Partner(query.PartnerId, ct) ?? throw TrainingPartnerStreams.NotFound(query.PartnerId);
        var unit = await units.Addressed(query.UnitCode, ct);
        var subtree = Cycles.CycleScopes.Closure(await units.All(ct), [unit.Code]);
        var today = clock.Today();
        var limit = query.Limit ?? Paging.DefaultLimit;
        var after = query.Cursor is { } c ? Cursor.Decode(c) : null;
        var found = new List<CoveredEmployee>();
        // Needs are known only after reading each employee's grants, so the directory is walked in NIP order until a page (and one more) is found.
        while (found.Count <= limit)
        {
            var batch = (await directory.List(new EmployeeFilter(null, null, after, Batch, subtree), ct)).ToList();
            var employed = batch.Where(p => p.EndedOn is not { } ended || ended > today).ToList();
            var grants = (await training.GrantsOf([.. employed.Select(p => p.Id)], ct)).ToLookup(g => g.EmployeeId);
            foreach (var profile in employed)
            {
                var covered = EmployeeTrainingNeeds.CompetencyGaps(profile, grants[profile.Id], null, today)
                    .Where(n => partner.Covers(n.CompetencyCode))
                    .Select(n => new CoveredNeed(n.CompetencyCode, n.Current.Level, n.RequiredLevel, n.Gap))
                    .ToList();
                if (covered.Count > 0)
                {
                    var placement = profile.PlacementOn(today) ?? profile.Placements[^1];
                    found.Add(new CoveredEmployee(profile.Nip, profile.FullName, placement.UnitCode, covered));
                }
            }

            if (batch.Count < Batch)
            {
                break;
            }

            after = batch[^1].Nip;
        }

        var items = found.Take(limit).ToList();
        return new Page<CoveredEmployee>(items, found.Count > limit ? Cursor.Encode(items[^1].Nip) : null);
    }
}
