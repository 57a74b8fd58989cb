using System.Globalization;
using Kinerja.Application.Audit.CheckingSeparationOfDuties;
using Kinerja.Application.Audit.ListingLateEntries;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles.GettingCycle;
using Kinerja.Application.Evaluations.GettingDistribution;
using Kinerja.Application.Evaluations.ListingAwardCandidates;
using Kinerja.Application.Evaluations.ListingSupportNeeds;
using Kinerja.Application.Ranking.GettingRanking;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kinerja.Api.WebConsole;

/// <summary>
/// A unit in a cycle for BKPSDM and the auditor: the distribution drawn against the guidance, breaches and justifications, the ranking,
/// separation-of-duties findings, late entries, award candidates and support needs. Each part is the API's read, with its access.
/// </summary>
public sealed class UnitModel(ConsoleReads reads, IMediator mediator) : PageModel
{
    public const int PageSize = 50;

    public Guid CycleId { get; private set; }

    public string Code { get; private set; } = "";

    public Section<Versioned<CycleDetails>> Cycle { get; private set; } = null!;

    public Section<Versioned<UnitDistribution>> Distribution { get; private set; } = null!;

    public Section<RankingPage> Ranking { get; private set; } = null!;

    public Section<Page<DutyFinding>> Duties { get; private set; } = null!;

    public Section<Page<LateEntry>> Late { get; private set; } = null!;

    public Section<UnitAwardCandidates> Awards { get; private set; } = null!;

    public Section<IReadOnlyList<SupportNeed>> Support { get; private set; } = null!;

    public async Task OnGetAsync(Guid cycleId, string code, string? rankingCursor, long? dutiesAfter, long? lateAfter, CancellationToken ct)
    {
        (CycleId, Code) = (cycleId, code);
        Cycle = await reads.Read(ApiReads.Cycle, c => mediator.Send(new GetCycle(cycleId), c), ct);
        Distribution = await reads.Read(ApiReads.Distribution, c => mediator.Send(new GetDistribution(cycleId, code), c), ct, unit: code);
        Ranking = await reads.Read(ApiReads.Ranking, c => mediator.Send(new GetRanking(cycleId, code, PageSize, rankingCursor), c), ct, unit: code);
        Duties = await reads.Read(ApiReads.SeparationOfDuties, c => mediator.Send(new CheckSeparationOfDuties(cycleId, PageSize, dutiesAfter), c), ct);
        Late = await reads.Read(ApiReads.LateEntries, c => mediator.Send(new ListLateEntries(null, PageSize, lateAfter, code, cycleId), c), ct);
        Awards = await reads.Read(ApiReads.AwardCandidates, c => mediator.Send(new ListUnitAwardCandidates(cycleId, code), c), ct, unit: code);
        Support = await reads.Read(ApiReads.SupportNeeds, c => mediator.Send(new ListSupportNeeds(cycleId, code), c), ct, unit: code);
    }

    /// <summary>This page again with one list moved on to its next page (the other lists stay where they were).</summary>
    public string Next(string parameter, string cursor)
    {
        var query = Request.Query.Where(q => q.Key != parameter).Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"{parameter}={Uri.EscapeDataString(cursor)}");
        return $"{Request.Path}?{string.Join('&', query)}";
    }

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
