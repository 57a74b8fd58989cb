using FluentValidation;
using Kinerja.Application.Audit;
using Kinerja.Application.Common;
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
        services.AddScoped<EmployeeStreams>();
        services.AddScoped<EmployeeAccess>();
        services.AddScoped<AuditAccess>();
        services.AddScoped<TrainingGrantStreams>();
        services.AddScoped<TrainingAccess>();
        return services;
    }
}
