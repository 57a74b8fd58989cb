using JasperFx;
using Kinerja.Api.Audit;
using Kinerja.Api.Auth;
using Kinerja.Api.Hosting;
using Kinerja.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
// A verb asked for its usage goes to JasperFx, which knows every verb's flags (Hosting/AdminVerbs.cs).
var helpWanted = args.Any(a => a is "--help" or "-h" or "-?");
if (!helpWanted && args is [TokenCommand.Verb, .. var tokenArgs])
{
    return TokenCommand.Run(tokenArgs, builder.Configuration, builder.Environment);
}

if (DependencyInjection.AppliesSchema(args) && builder.Configuration.GetConnectionString(DependencyInjection.ConnectionStringName) is { } schemaConnection)
{
    builder.Configuration[$"ConnectionStrings:{DependencyInjection.ConnectionStringName}"] = DependencyInjection.WithoutCommandTimeout(schemaConnection);
}

if (args is ["describe", ..])
{
    // describe prints every configuration value with its source: show that a secret is set, never the secret.
    builder.Services.AddSingleton<IConfiguration>(Secrets.Masked(builder.Configuration));
}

// Code generation reads no tokens and runs with no configuration at all (scripts/codegen.sh); everything else is the service.
if (args is not [GeneratedCode.Verb, ..] && SafeDefaults.Refusal(builder.Environment, builder.Configuration) is { } unsafeStart)
{
    Console.Error.WriteLine(unsafeStart);
    return 3;
}

builder.AddKinerjaApi(writingGeneratedCode: args is [GeneratedCode.Verb, ..]);
var app = builder.Build();
if (SettingsCheck.Refusal(app.Services) is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    return 1;
}

switch (helpWanted ? [] : args)
{
    case [VerifyChainsCommand.Verb, .. var chainArgs]:
        return await VerifyChainsCommand.Run(app.Services, chainArgs);
    case [VerifyDigestCommand.Verb, .. var digestArgs]:
        return await VerifyDigestCommand.Run(app.Services, digestArgs);
    case [ResealChainsCommand.Verb, .. var resealArgs]:
        return await ResealChainsCommand.Run(app.Services, resealArgs);
    case [Kinerja.Api.Imports.ImportCommand.Verb, .. var importArgs]:
        return await Kinerja.Api.Imports.ImportCommand.Run(app.Services, importArgs);
    case [Kinerja.Api.Tenancy.TenantsCommand.Verb, .. var tenantArgs]:
        return await Kinerja.Api.Tenancy.TenantsCommand.Run(app.Services, tenantArgs);
    case [TrialRebuildCommand.Verb, .. var trialArgs]:
        return await TrialRebuildCommand.Run(app.Services, trialArgs);
    case [SchemaScripts.Dump or SchemaScripts.Patch, var file, .. var rest] when !file.StartsWith('-') && rest is [] or [InstansiFlag.Flag, _]:
        return await SchemaScripts.Write(app, args[0], args[1..]);
}

app.UseKinerjaApi();
if (args is [])
{
    // The service itself: stdout carries its JSON log lines only, without JasperFx's plain-text search for verbs.
    await app.RunAsync();
    return 0;
}

return await app.RunJasperFxCommands(args);

/// <summary>Entry point, visible to the integration tests' host factory.</summary>
public partial class Program;
