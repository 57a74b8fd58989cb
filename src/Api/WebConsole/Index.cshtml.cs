using Kinerja.Application.Common;
using Kinerja.Application.Cycles.GettingCycle;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kinerja.Api.WebConsole;

/// <summary>Where an auditor starts: an employee by NIP, or a unit in one of the newest cycles.</summary>
public sealed class IndexModel(ConsoleReads reads, IMediator mediator) : PageModel
{
    public const int CycleCount = 50;

    public Section<Page<CycleDetails>> Cycles { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? nip, Guid? cycle, string? unit, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(nip))
        {
            return LocalRedirect($"{ConsoleSetup.Base}/employees/{Uri.EscapeDataString(nip.Trim())}");
        }

        if (cycle is { } id && !string.IsNullOrWhiteSpace(unit))
        {
            return LocalRedirect($"{ConsoleSetup.Base}/cycles/{id}/units/{Uri.EscapeDataString(unit.Trim())}");
        }

        Cycles = await reads.Read(ApiReads.Cycles, c => mediator.Send(new ListCycles(null, CycleCount, null), c), ct);
        return Page();
    }
}
