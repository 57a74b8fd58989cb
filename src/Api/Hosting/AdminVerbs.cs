using JasperFx.CommandLine;
using Kinerja.Api.Audit;
using Kinerja.Api.Auth;

namespace Kinerja.Api.Hosting;

// The service's own admin verbs as JasperFx commands, so `help` lists them beside db-apply and the rest and
// `VERB --help` prints their usage. Program runs a verb straight away when no help is asked for (a token prints
// nothing but the token; the exit codes 0/1/2 of the audit verbs stay as documented); these classes run the same
// code when JasperFx dispatches them itself.

public sealed class TokenInput : NetCoreInput
{
    [Description("hr-admin, supervisor, employee, auditor or portal")]
    public string RoleFlag { get; set; } = "";

    [Description("The caller's NIP, for an ASN")]
    public string? NipFlag { get; set; }

    [Description("The display name in the token")]
    public string? NameFlag { get; set; }

    [Description("The instansi the token works for (the instansi claim); needed when tenancy is on")]
    public string? InstansiFlag { get; set; }

    [Description("Hours until the token expires (default 8)")]
    public double HoursFlag { get; set; } = 8;
}

[Description("Prints a signed bearer token and nothing else; refuses without Auth:SigningKey", Name = TokenCommand.Verb)]
public sealed class TokenVerb : JasperFxCommand<TokenInput>
{
    public override bool Execute(TokenInput input)
    {
        using var host = input.BuildHost();
        string[] args = ["--role", input.RoleFlag, "--hours", input.HoursFlag.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. input.NipFlag is { } nip ? ["--nip", nip] : Array.Empty<string>(), .. input.NameFlag is { } name ? ["--name", name] : Array.Empty<string>(),
            .. input.InstansiFlag is { } instansi ? ["--instansi", instansi] : Array.Empty<string>()];
        return TokenCommand.Run(args, host.Services.GetRequiredService<IConfiguration>(), host.Services.GetRequiredService<IHostEnvironment>()) == 0;
    }
}

/// <summary>The verbs that read or write an instansi's data take <c>--instansi ID</c> (<see cref="InstansiFlag"/>).</summary>
public class InstansiInput : NetCoreInput
{
    [Description("The instansi whose database the verb works in; needed when tenancy is on (Kinerja:Tenancy:Enabled)")]
    public string? InstansiFlag { get; set; }

    public string[] WithInstansi(params string[] args) =>
        InstansiFlag is { } instansi ? [.. args, Hosting.InstansiFlag.Flag, instansi] : args;
}

[Description("Moves chains sealed before the chain key to the keyed chain: reseals every intact stream with the key, leaves broken ones as they are; exit 1 when any is broken",
    Name = ResealChainsCommand.Verb)]
public sealed class ResealChainsVerb : JasperFxAsyncCommand<InstansiInput>
{
    public override async Task<bool> Execute(InstansiInput input)
    {
        using var host = input.BuildHost();
        return await ResealChainsCommand.Run(host.Services, input.WithInstansi()) == 0;
    }
}

[Description("Recomputes every stream's hash chain, prints broken links, records and prints a digest of all stream heads; exit 1 when anything is broken",
    Name = VerifyChainsCommand.Verb)]
public sealed class VerifyChainsVerb : JasperFxAsyncCommand<InstansiInput>
{
    public override async Task<bool> Execute(InstansiInput input)
    {
        using var host = input.BuildHost();
        return await VerifyChainsCommand.Run(host.Services, input.WithInstansi()) == 0;
    }
}

public sealed class VerifyDigestInput : InstansiInput
{
    [Description("FILE.json as GET /audit/digests gave it, or DIGEST RECORDED-AT [THROUGH-SEQUENCE] (RECORDED-AT in ISO 8601 with an offset)")]
    public IEnumerable<string> Kept { get; set; } = [];
}

[Description("Checks a digest kept outside against the chains recomputed today; exit 0 unchanged, 1 changed, 2 not a digest", Name = VerifyDigestCommand.Verb)]
public sealed class VerifyDigestVerb : JasperFxAsyncCommand<VerifyDigestInput>
{
    public override async Task<bool> Execute(VerifyDigestInput input)
    {
        using var host = input.BuildHost();
        return await VerifyDigestCommand.Run(host.Services, input.WithInstansi([.. input.Kept])) == 0;
    }
}

public sealed class TrialRebuildInput : InstansiInput
{
    [Description("One projection's name; every projection when left out")]
    public string? Projection { get; set; }

    [Description("Every projection (the default)")]
    public bool AllFlag { get; set; }
}

[Description("Rebuilds read models into a scratch schema and prints every difference from the live documents; exit 1 on a difference, 2 for an unknown projection",
    Name = TrialRebuildCommand.Verb)]
public sealed class TrialRebuildVerb : JasperFxAsyncCommand<TrialRebuildInput>
{
    public override async Task<bool> Execute(TrialRebuildInput input)
    {
        using var host = input.BuildHost();
        return await TrialRebuildCommand.Run(host.Services, input.WithInstansi(input.Projection is { } projection && !input.AllFlag ? projection : "--all")) == 0;
    }
}

public sealed class ImportInput : InstansiInput
{
    [Description("units, positions, employees or supervisors")]
    public string Kind { get; set; } = "";

    [Description("The CSV file (docs/imports.md lists its columns)")]
    public string File { get; set; } = "";

    [Description("The operator's name, recorded as who appended the events")]
    public string AsFlag { get; set; } = "";

    [Description("Check every line and print its problems; append nothing")]
    public bool DryRunFlag { get; set; }

    [Description("Settle at most this many rows; running the file again continues after them")]
    public int? MaxRowsFlag { get; set; }

    [Description("Why, recorded on every event (default: the file and line)")]
    public string? ReasonFlag { get; set; }
}

[Description("Imports units, positions, employees or superior links from a CSV file as POST /api/v1/imports does; exit 0 all rows done, 1 a row failed or is pending, 2 usage",
    Name = Imports.ImportCommand.Verb)]
public sealed class ImportVerb : JasperFxAsyncCommand<ImportInput>
{
    public override async Task<bool> Execute(ImportInput input)
    {
        using var host = input.BuildHost();
        string[] args = [input.Kind, input.File, "--as", input.AsFlag, .. input.DryRunFlag ? ["--dry-run"] : Array.Empty<string>(),
            .. input.MaxRowsFlag is { } max ? ["--max-rows", max.ToString(System.Globalization.CultureInfo.InvariantCulture)] : Array.Empty<string>(),
            .. input.ReasonFlag is { } reason ? ["--reason", reason] : Array.Empty<string>()];
        return await Imports.ImportCommand.Run(host.Services, input.WithInstansi(args)) == 0;
    }
}

public sealed class TenantsInput : NetCoreInput
{
    [Description("list, or add ID [--connection CONNECTION-STRING]")]
    public IEnumerable<string> Words { get; set; } = [];
}

[Description("Lists the instansi (tenants) or adds one: creates its database (or takes --connection) and applies the schema; needs Kinerja:Tenancy:Enabled",
    Name = Tenancy.TenantsCommand.Verb)]
public sealed class TenantsVerb : JasperFxAsyncCommand<TenantsInput>
{
    public override async Task<bool> Execute(TenantsInput input)
    {
        using var host = input.BuildHost();
        return await Tenancy.TenantsCommand.Run(host.Services, [.. input.Words]) == 0;
    }
}
