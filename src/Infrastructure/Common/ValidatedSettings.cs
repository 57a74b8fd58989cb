using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kinerja.Infrastructure.Common;

/// <summary>
/// A configuration section bound and checked when the host starts (<c>ValidateOnStart</c>): a value that does not convert
/// (<c>Timeout=banana</c>) or breaks a rule (<c>TopShare=7</c>) refuses the start with the key, the value and what it takes,
/// instead of a stack trace at the first use or a service that runs on a setting nobody meant.
/// </summary>
public static class ValidatedSettings
{
    /// <param name="rules">Each broken rule as a sentence naming the key; none when the settings are usable.</param>
    public static IServiceCollection AddValidatedSettings<T>(
        this IServiceCollection services, IConfiguration configuration, string section, Func<T, IEnumerable<string>> rules)
        where T : class, new()
    {
        services.AddOptions<T>()
            .Configure(settings => Bind(configuration.GetSection(section), settings))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new RuleCheck<T>(section, rules));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services;
    }

    /// <summary>The refusal as one readable paragraph: every broken setting, then how to set them.</summary>
    public static string Describe(OptionsValidationException refusal) =>
        "Kinerja cannot start: the configuration is not valid.\n  - " + string.Join("\n  - ", refusal.Failures)
        + "\nSet them in appsettings.{Environment}.json or as environment variables (Kinerja__Webhooks__Timeout=00:00:10).";

    private static void Bind<T>(IConfigurationSection section, T settings)
    {
        try
        {
            section.Bind(settings);
        }
        catch (InvalidOperationException unreadable)
        {
            // The binder names key, value and type ("Failed to convert configuration value 'banana' at 'Kinerja:Webhooks:Timeout'
            // to type 'System.TimeSpan'"); it is a refusal of the configuration, not a failure of the service.
            throw new OptionsValidationException(section.Path, typeof(T), [unreadable.Message + Example(unreadable.Message)]);
        }
    }

    private static string Example(string message) =>
        message.Contains("System.TimeSpan", StringComparison.Ordinal) ? " Write a duration as hh:mm:ss, e.g. 00:00:10." : "";

    private sealed class RuleCheck<T>(string section, Func<T, IEnumerable<string>> rules) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var broken = rules(options).ToList();
            return broken.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(broken.Select(b => $"{section}:{b}"));
        }
    }
}
