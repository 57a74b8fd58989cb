using Kinerja.Infrastructure.Common;
using Microsoft.Extensions.Options;

namespace Kinerja.Api.Hosting;

/// <summary>Checks every validated setting before any verb runs, so the service and the admin verbs refuse the same configuration.</summary>
public static class SettingsCheck
{
    /// <returns>What is wrong, for the operator; null when the configuration is usable.</returns>
    public static string? Refusal(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return null;
        }
        catch (OptionsValidationException refused)
        {
            return ValidatedSettings.Describe(refused);
        }
        catch (AggregateException refused) when (refused.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return ValidatedSettings.Describe(new OptionsValidationException("Kinerja", typeof(object),
                refused.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)));
        }
    }
}
