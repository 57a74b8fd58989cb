using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using Serilog.Core;
using Serilog.Events;

namespace Kinerja.Api.Hosting;

/// <summary>
/// What counts as a secret in the configuration and in log lines, and its masked form: signing keys, secrets, passwords,
/// tokens, and the password inside a connection string. <c>describe</c> and the logs show that a value is set, never the value.
/// </summary>
public static partial class Secrets
{
    public const string Mask = "*****";

    public static bool IsSecretKey(string key) => SecretName().IsMatch(key);

    /// <summary>The value as it may be shown: masked whole under a secret key, with a connection string's password masked otherwise.</summary>
    public static string? Shown(string key, string? value) =>
        value is null ? null
        : IsSecretKey(key) ? Mask
        : PasswordInConnectionString().Replace(value, m => m.Groups["name"].Value + "=" + Mask);

    /// <summary>The configuration with every secret masked, for <c>describe</c>: the same providers, in the same order, read through the mask.</summary>
    public static IConfigurationRoot Masked(IConfigurationRoot configuration) =>
        new ConfigurationRoot([.. configuration.Providers.Select(p => (IConfigurationProvider)new MaskedProvider(p))]);

    [GeneratedRegex(@"(^|:)[^:]*(SigningKey|Secret|Password|Passwd|ApiKey|Token|PrivateKey)[^:]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(?<name>\b(Password|Pwd)\s*)=\s*(""[^""]*""|'[^']*'|[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordInConnectionString();

    private sealed class MaskedProvider(IConfigurationProvider inner) : IConfigurationProvider
    {
        public bool TryGet(string key, out string? value)
        {
            var found = inner.TryGet(key, out var raw);
            value = Shown(key, raw);
            return found;
        }

        public void Set(string key, string? value) => inner.Set(key, value);

        public IChangeToken GetReloadToken() => inner.GetReloadToken();

        public void Load() => inner.Load();

        public IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath) => inner.GetChildKeys(earlierKeys, parentPath);

        public override string ToString() => inner.ToString() ?? nameof(MaskedProvider);
    }
}

/// <summary>Masks log properties that carry a secret (by name) or a connection string's password (by content).</summary>
public sealed class SecretMaskingEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is not ScalarValue { Value: string text })
            {
                continue;
            }

            var shown = Secrets.Shown(name, text);
            if (!string.Equals(shown, text, StringComparison.Ordinal))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(shown)));
            }
        }
    }
}
