using System.Text.Json;
using Kinerja.Application.Audit.GettingAsOf;
using Kinerja.Application.Audit.GettingHistory;
using Kinerja.Application.Audit.VerifyingChains;
using Kinerja.Application.Common;
using Kinerja.Application.Employees.GettingEmployee;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Kinerja.Api.WebConsole;

/// <summary>
/// An employee for the auditor: the profile, the timeline of every event (filtered, paged), the state as of a chosen WIT time and the
/// hash-chain verification on request. Each part is the API's read, with its access (decision 134).
/// </summary>
public sealed class EmployeeModel(ConsoleReads reads, IMediator mediator, IOptions<JsonOptions> json) : PageModel
{
    public const int PageSize = 100;

    public string Nip { get; private set; } = "";

    public TimelineFilter Filter { get; private set; } = new(null, null, null, null);

    public string? AsOfInput { get; private set; }

    public Section<Versioned<EmployeeDetails>> Profile { get; private set; } = null!;

    public Section<Page<AuditEntry>> Timeline { get; private set; } = null!;

    public Section<EmployeeAsOf>? AsOf { get; private set; }

    public Section<ChainVerification>? Verification { get; private set; }

    public async Task OnGetAsync(string nip, string? asOf, bool verify, CancellationToken ct)
    {
        Nip = nip;
        Filter = TimelineFilter.Of(Request);
        Profile = await reads.Read(ApiReads.Employee, c => mediator.Send(new GetEmployee(nip), c), ct);
        Timeline = await reads.Read(ApiReads.History, c =>
            mediator.Send(new GetEmployeeHistory(nip, Filter.FromInstant, Filter.ToInstant, Filter.Types, PageSize, Filter.After), c), ct);
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            AsOfInput = asOf;
            AsOf = TimelineFilter.Wall(asOf) is { } at
                ? await reads.Read(ApiReads.AsOf, c => mediator.Send(new GetEmployeeAsOf(nip, at), c), ct)
                : new Section<EmployeeAsOf>(default, true, asOf);
        }

        if (verify)
        {
            Verification = await reads.Read(ApiReads.Verification, c => mediator.Send(new VerifyEmployeeChains(nip), c), ct);
        }
    }

    /// <summary>The event's data as the API shows it (the store's JSON shape, WIT instants).</summary>
    public string Data(AuditEntry e) =>
        JsonSerializer.Serialize(e.Data, e.Data.GetType(), new JsonSerializerOptions(json.Value.SerializerOptions) { WriteIndented = true });

    /// <summary>The event types on this page, for the filter's choices, with the chosen one kept.</summary>
    public IReadOnlyList<string> Types =>
        [.. (Timeline.Value?.Items.Select(i => i.Type) ?? []).Append(Filter.Type).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    public static string Who(Domain.Actor actor) =>
        string.Join(" · ", new[] { actor.Name, actor.Role, actor.Nip is null ? null : "NIP " + actor.Nip }.Where(s => !string.IsNullOrEmpty(s)));
}
