using System.Globalization;
using Kinerja.Api.Hosting;
using Kinerja.Application.Common;
using Kinerja.Application.Imports;
using Kinerja.Application.Imports.RunningImport;
using Mediator;

namespace Kinerja.Api.Imports;

/// <summary>
/// <c>import KIND FILE --as NAME [--dry-run] [--max-rows N] [--reason TEXT] [--instansi ID]</c>: the import of POST /api/v1/imports, run from the
/// service's host without HTTP (no body limit), recorded under the operator's name. Prints the counts and every line's problem;
/// exit 0 when every row settled without a problem, 1 when a row failed or rows are pending, 2 for a usage error or a refused instansi
/// (<see cref="InstansiFlag"/>).
/// </summary>
public static class ImportCommand
{
    public const string Verb = "import";

    public const string Usage = "usage: import units|positions|employees|supervisors FILE --as NAME [--dry-run] [--max-rows N] [--reason TEXT] " + InstansiFlag.Usage;

    public static async Task<int> Run(IServiceProvider services, IReadOnlyList<string> args)
    {
        await using var work = await InstansiFlag.Open(services, args);
        if (work is null)
        {
            return 2;
        }

        if (Parse(work.Rest) is not { } input)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        work.Services.GetRequiredService<ActorScope>().Assign(new OperatorActor(input.Operator, input.Reason));
        ImportReport report;
        try
        {
            report = await work.Services.GetRequiredService<IMediator>()
                .Send(new RunImport(input.Kind, await File.ReadAllTextAsync(input.File), input.DryRun, input.MaxRows));
        }
        catch (FluentValidation.ValidationException invalid)
        {
            invalid.Errors.ToList().ForEach(e => Console.Error.WriteLine(e.ErrorMessage));
            return 2;
        }

        foreach (var e in report.Errors)
        {
            Console.WriteLine($"line {e.Line.ToString(CultureInfo.InvariantCulture)} {e.Column ?? "-"} {e.Code}: {e.Message}");
        }

        Console.WriteLine($"{report.Status} {report.Id}: {report.Done} done, {report.Failed} failed, {report.Pending} pending of {report.Total}");
        return report.Failed == 0 && report.Pending == 0 ? 0 : 1;
    }

    private sealed record Input(ImportKind Kind, string File, string Operator, bool DryRun, int? MaxRows, string? Reason);

    private static Input? Parse(IReadOnlyList<string> args)
    {
        if (args.Count < 2 || !Enum.TryParse<ImportKind>(args[0], ignoreCase: true, out var kind) || !File.Exists(args[1]))
        {
            return null;
        }

        string? name = null, reason = null;
        int? maxRows = null;
        var dryRun = false;
        for (var i = 2; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--as" when i + 1 < args.Count:
                    name = args[++i];
                    break;
                case "--reason" when i + 1 < args.Count:
                    reason = args[++i];
                    break;
                case "--max-rows" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n):
                    maxRows = n;
                    i++;
                    break;
                default:
                    return null;
            }
        }

        return name is { Length: > 0 } ? new Input(kind, args[1], name, dryRun, maxRows, reason) : null;
    }

    /// <summary>The operator at the service's host: named on the command line, acting as the service (no token, no role of a caller).</summary>
    private sealed record OperatorActor(string Name, string? Reason) : ICurrentActor
    {
        public Domain.Actor Actor => Domain.Actor.Service(Name);

        public string CorrelationId { get; } = $"import-cli/{Guid.CreateVersion7():N}";

        public long? IfMatch => null;
    }
}
