using JasperFx;
using Kinerja.Api.Audit;
using Kinerja.Api.Auth;
using Kinerja.Api.Hosting;
using Kinerja.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
if (args is [TokenCommand.Verb, .. var tokenArgs])
{
    return TokenCommand.Run(tokenArgs, builder.Configuration, builder.Environment);
}

// Code generation reads no tokens and runs with no configuration at all (scripts/codegen.sh); everything else is the service.
if (args is not [GeneratedCode.Verb, ..] && SafeDefaults.Refusal(builder.Environment, builder.Configuration) is { } refusal)
{
    Console.Error.WriteLine(refusal);
    return 3;
}

builder.AddKinerjaApi(writingGeneratedCode: args is [GeneratedCode.Verb, ..]);
var app = builder.Build();
if (args is [VerifyChainsCommand.Verb])
{
    return await VerifyChainsCommand.Run(app.Services);
}

if (args is [VerifyDigestCommand.Verb, .. var digestArgs])
{
    return await VerifyDigestCommand.Run(app.Services, digestArgs);
}

if (args is [ResealChainsCommand.Verb])
{
    return await ResealChainsCommand.Run(app.Services);
}

if (args is [TrialRebuildCommand.Verb, .. var trialArgs])
{
    return await TrialRebuildCommand.Run(app.Services, trialArgs);
}

app.UseKinerjaApi();
return await app.RunJasperFxCommands(args);

/// <summary>Entry point, visible to the integration tests' host factory.</summary>
public partial class Program;
