using FluentValidation;
using Kinerja.Application.Audit;
using Kinerja.Application.Appraisals;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Employees;
using Kinerja.Application.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<CommandContext>(ServiceLifetime.Singleton);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CommandContext>();
        services.AddScoped<IdempotencyScope>();
        services.AddScoped<ActorScope>();
        services.AddScoped<EmployeeStreams>();
        services.AddScoped<SupervisorChain>();
        services.AddScoped<EmployeeAccess>();
        services.AddScoped<Units.UnitScope>();
        services.AddScoped<Units.RegistryScope>();
        services.AddScoped<AuditAccess>();
        services.AddScoped<Documents.DocumentSources>();
        services.AddScoped<TrainingGrantStreams>();
        services.AddScoped<TrainingAccess>();
        services.AddScoped<Training.AnalysingNeeds.EmployeeTrainingNeeds>();
        services.AddScoped<Training.AnalysingNeeds.GrantReferences>();
        services.AddScoped<Training.RequestingGrant.PartnerSeats>();
        services.AddScoped<CycleStreams>();
        services.AddScoped<AppraisalStreams>();
        services.AddScoped<AppraisalAccess>();
        services.AddScoped<Evaluations.UnitEvaluationStreams>();
        services.AddScoped<Evaluations.FinalAppraisals>();
        services.AddScoped<Evaluations.UnitHeads>();
        services.AddScoped<FollowUps.FollowUpStreams>();
        services.AddScoped<Raters>();
        services.AddScoped<OverlappingAppraisals>();
        services.AddScoped<Positions.PositionStreams>();
        services.AddSingleton<Imports.IRowImporter, Imports.UnitRows>();
        services.AddSingleton<Imports.IRowImporter, Imports.PositionRows>();
        services.AddSingleton<Imports.IRowImporter, Imports.EmployeeRows>();
        services.AddSingleton<Imports.IRowImporter, Imports.SupervisorRows>();
        return services;
    }
}
