using Kinerja.Api.Audit;
using Kinerja.Api.WebConsole;
using Kinerja.Api.Appraisals;
using Kinerja.Api.Documents;
using Kinerja.Api.Evaluations;
using Kinerja.Api.FollowUps;
using Kinerja.Api.Cycles;
using Kinerja.Api.Employees;
using Kinerja.Api.Http;
using Kinerja.Api.Training;
using Kinerja.Api.Integration;
using Kinerja.Api.Ranking;
using Kinerja.Api.Positions;
using Kinerja.Api.Talent;
using Kinerja.Api.Units;
using Kinerja.Api.Worklists;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

namespace Kinerja.Api.Hosting;

public static class ApiPipeline
{
    public const string ApiBase = Routes.Base;

    public static WebApplication UseKinerjaApi(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseKinerjaConsoleHeaders();
        app.UseMaskedRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWhen(c => c.Request.Path.StartsWithSegments(ApiBase), branch => branch.UseMiddleware<RateLimitHeaders>().UseCallerLanguage());
        app.UseAuthentication();
        app.UseMiddleware<Auth.TenantFromToken>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseWhen(c => c.Request.Path.StartsWithSegments(ApiBase), branch => branch.UseMiddleware<IdempotencyMiddleware>());

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        if (SafeDefaults.PublishesApiDescription(app.Environment, app.Configuration))
        {
            app.MapOpenApi();
            app.MapReferencePage();
        }

        var api = app.MapGroup(ApiBase).RequireAuthorization().RequireAuthorization(Auth.AuthSetup.AuditorsReadOnly)
            .RequireAuthorization(Auth.AuthSetup.RouteTable).RefuseUnstorableInput();
        api.MapUnits();
        api.MapEmployees();
        api.MapAudit();
        api.MapTrainingGrants();
        api.MapTrainingPartners();
        api.MapTrainingBudgets();
        api.MapCompetencyDevelopment();
        api.MapCycles();
        api.MapAppraisals();
        api.MapIntegration();
        api.MapEvaluations();
        api.MapRanking();
        api.MapTppBasis();
        api.MapDocuments();
        api.MapStrengthsAndWeaknesses();
        api.MapPositions();
        Imports.ImportEndpoints.MapImports(api);
        api.MapTalent();
        api.MapFollowUps();
        app.MapKinerjaConsole();
        api.MapWorklists();
        return app;
    }
}
