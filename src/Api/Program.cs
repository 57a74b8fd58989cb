using JasperFx;
using Kinerja.Api.Audit;
using Kinerja.Api.Auth;
using Kinerja.Api.Hosting;
using Kinerja.Infrastructure;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = SourceTreeEnvironment.Default() });
if (args is [TokenCommand.Verb, .. var tokenArgs])
{
    return TokenCommand.Run(tokenArgs, builder.Configuration, builder.Environment);
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

if (args is [TrialRebuildCommand.Verb, .. var trialArgs])
{
    return await TrialRebuildCommand.Run(app.Services, trialArgs);
}

app.UseKinerjaApi();
return await app.RunJasperFxCommands(args);

/// <summary>Entry point, visible to the integration tests' host factory.</summary>
public partial class Program;
