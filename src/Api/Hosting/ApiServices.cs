using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using JasperFx;
using Kinerja.Api.Auth;
using Kinerja.Api.WebConsole;
using Kinerja.Api.Http;
using Kinerja.Application;
using Kinerja.Application.Common;
using Kinerja.Infrastructure;
using Kinerja.Infrastructure.Common;
using Microsoft.AspNetCore.Http.Json;
using Serilog;
using Serilog.Formatting.Compact;

namespace Kinerja.Api.Hosting;

public static class ApiServices
{
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <param name="writingGeneratedCode">true for the <c>codegen</c> verb (see <see cref="GeneratedCode"/>).</param>
    public static WebApplicationBuilder AddKinerjaApi(this WebApplicationBuilder builder, bool writingGeneratedCode = false)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSerilog((_, log) => log
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .Enrich.With<OperationIdEnricher>()
            .Enrich.With<SecretMaskingEnricher>()
            .Filter.ByExcluding(ExpectedMartenFailure)
            .WriteTo.Console(new RenderedCompactJsonFormatter()));

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = configuration.GetValue("Kinerja:MaxRequestBodyBytes", DefaultMaxBodyBytes));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new WitInstantJsonConverter());
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJson.Default);
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Customize);
        services.AddSingleton<Microsoft.AspNetCore.Http.IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddHttpContextAccessor();
        ProxyHeaders.Add(services, configuration);
        Telemetry.Add(services, configuration);
        services.AddKinerjaAuth(configuration);
        services.AddKinerjaConsole(configuration, builder.Environment);
        services.AddRateLimiter(o =>
        {
            var perSecond = RateLimits.PermitsPerSecond(configuration);
            // A health probe is the platform asking whether to restart or route to this instance: throttling it would
            // turn a busy service into one the orchestrator kills.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => http.Request.Path.StartsWithSegments("/health")
                ? RateLimitPartition.GetNoLimiter("health")
                : RateLimitPartition.GetTokenBucketLimiter(
                http.User.FindFirst("sub")?.Value ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perSecond * 2,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
            o.OnRejected = async (ctx, _) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "1";
                await Problems.Write(ctx.HttpContext, 429, "too-many-requests", "Too many requests; slow down and retry after the indicated time.");
            };
        });
        services.AddOpenApi(o => o.AddKinerjaDocument());

        services.AddApplication();
        services.AddMediator(o =>
        {
            o.ServiceLifetime = ServiceLifetime.Scoped;
            o.PipelineBehaviors = [typeof(CommandContextBehaviour<,>), typeof(Application.Units.RegistryScopeBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(IdempotentCommandBehaviour<,>)];
        });
        services.AddScoped<HttpCurrentActor>();
        // A scope without a request (a scheduled message) names its own actor; a request's scope acts as its caller.
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<ActorScope>().Assigned ?? sp.GetRequiredService<HttpCurrentActor>());
        services.AddInfrastructure(configuration, writingGeneratedCode);
        services.AddValidatedSettings<MemorySettings>(configuration, MemorySettings.Section, _ => []);
        services.AddHostedService<IdleMemory>();
        return builder;
    }

    /// <summary>
    /// Marten logs a lost optimistic race, a duplicate key or a deadlock at Error with its SQL and parameters (NIPs); the API
    /// answers those as 409/412 and logs them itself at Information without SQL, so Marten's entries are dropped.
    /// </summary>
    private static bool ExpectedMartenFailure(Serilog.Events.LogEvent e) =>
        e.Exception is not null
        && e.Properties.TryGetValue("SourceContext", out var source) && source.ToString().Contains("Marten", StringComparison.Ordinal)
        && IsLostRace(e.Exception);

    private static bool IsLostRace(Exception? ex) => ex switch
    {
        null => false,
        ConcurrencyException => true,
        // MT003 is Marten's own "stream version mismatch" raised inside PostgreSQL; 40P01/40001 end as a 409 to retry.
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation or "MT003" } => true,
        _ when DatabaseFailures.IsLostRace(ex) => true,
        _ when ex.GetType().Name is "ExistingStreamIdCollisionException" or "DocumentAlreadyExistsException" => true,
        _ => IsLostRace(ex.InnerException),
    };
}
