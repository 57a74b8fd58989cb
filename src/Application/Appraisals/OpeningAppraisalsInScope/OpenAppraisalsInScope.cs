using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Employees;
using Kinerja.Domain;
using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Cycles;
using Mediator;

namespace Kinerja.Application.Appraisals.OpeningAppraisalsInScope;

public sealed record OpeningSkipped(string Nip, string Code, string Detail);

/// <summary>What a bulk opening did; running it again opens only what is still missing.</summary>
public sealed record OpeningSummary(int Opened, int AlreadyOpen, IReadOnlyList<OpeningSkipped> Skipped);

/// <summary>Opens an appraisal for every employee employed and placed in the cycle's scope on its reference date.</summary>
public sealed record OpenAppraisalsInScope(Guid CycleId) : ICommand<OpeningSummary>;

public sealed class OpenAppraisalsInScopeHandler(
    IEventStore store, IEmployeeDirectory directory, IAppraisalDirectory appraisals, CycleStreams cycles, Raters raters, OverlappingAppraisals overlaps,
    TimeProvider clock)
    : ICommandHandler<OpenAppraisalsInScope, OpeningSummary>
{
    /// <summary>One commit per page keeps a transaction small for a city-sized registry.</summary>
    private const int PageSize = 200;

    public async ValueTask<OpeningSummary> Handle(OpenAppraisalsInScope command, CancellationToken ct)
    {
        var cycle = await cycles.Load(command.CycleId, ct);
        CycleDecisions.EnsureOpen(cycle);
        var on = cycle.ReferenceDate(clock.Today());
        int opened = 0, alreadyOpen = 0;
        var skipped = new List<OpeningSkipped>();
        string? after = null;
        while (true)
        {
            var page = await directory.List(new EmployeeFilter(null, null, after, PageSize), ct);
            if (page.Count == 0)
            {
                break;
            }

            after = page[^1].Nip;
            var facts = (await raters.Resolve(page, cycle, on, ct)).Where(f => f.EmployeeEmployed && f.InScope).ToList();
            var existing = (await appraisals.FindMany([.. facts.Select(f => Appraisal.IdFor(cycle.Id, f.EmployeeId))], ct)).Select(a => a.Id).ToHashSet();
            var overlapping = await overlaps.Of(cycle, [.. facts.Select(f => f.EmployeeId)], ct);
            var started = 0;
            foreach (var fact in facts)
            {
                var id = Appraisal.IdFor(cycle.Id, fact.EmployeeId);
                if (existing.Contains(id))
                {
                    alreadyOpen++;
                    continue;
                }

                try
                {
                    if (overlapping.TryGetValue(fact.EmployeeId, out var overlap))
                    {
                        throw overlap;
                    }

                    store.Start<Appraisal>(id, AppraisalDecisions.Open(null, id, cycle, fact, clock.GetUtcNow()));
                    started++;
                }
                catch (DomainRuleViolation refused)
                {
                    skipped.Add(new OpeningSkipped(fact.Nip, refused.Code, refused.Message));
                }
            }

            if (started > 0)
            {
                await store.SaveChanges(null, ct);
                opened += started;
            }
        }

        return new OpeningSummary(opened, alreadyOpen, skipped);
    }
}
