using Kinerja.Infrastructure.Tenancy;
using Marten;

namespace Kinerja.Api.Hosting;

/// <summary>
/// <c>--instansi ID</c> of the admin verbs that read or write an instansi's data (docs/decisions/145): the verb works in that
/// instansi's database exactly as a request whose token names it, and is refused for the same reasons the API refuses one.
/// </summary>
public static class InstansiFlag
{
    public const string Flag = "--instansi";

    public const string Usage = "[--instansi ID]";

    /// <summary>
    /// The verb's scope, entered into the instansi <c>--instansi</c> names, with the verb's other arguments; null when refused (the
    /// reason on stderr), or when <paramref name="usageWithoutArguments"/> is given (a verb that takes nothing else) and arguments are left.
    /// </summary>
    public static async Task<InstansiWork?> Open(IServiceProvider services, IReadOnlyList<string> args, string? usageWithoutArguments = null)
    {
        var (named, rest) = Split(args);
        if (usageWithoutArguments is not null && rest is not [])
        {
            await Console.Error.WriteLineAsync($"usage: {usageWithoutArguments} {Usage}");
            return null;
        }

        var scope = services.CreateAsyncScope();
        if (await Enter(scope.ServiceProvider, named))
        {
            return new InstansiWork(scope, rest);
        }

        await scope.DisposeAsync();
        return null;
    }

    /// <summary>The instansi named by <c>--instansi ID</c> (null without the flag) and the verb's other arguments.</summary>
    private static (string? Named, string[] Others) Split(IReadOnlyList<string> args)
    {
        // -i as well: the short form JasperFx's --help shows for the flag.
        var at = args.ToList().FindIndex(a => a is Flag or "-i");
        // A flag without its value stays among the other arguments, which the verb then refuses as misuse.
        return at >= 0 && at + 1 < args.Count && !args[at + 1].StartsWith('-')
            ? (args[at + 1], [.. args.Take(at), .. args.Skip(at + 2)])
            : (null, [.. args]);
    }

    /// <summary>Enters the scope into the named instansi; false, with the reason on stderr, when the API would refuse a token naming it.</summary>
    private static async Task<bool> Enter(IServiceProvider scope, string? named)
    {
        var tenancy = scope.GetRequiredService<TenancySettings>();
        var refusal = await TenantCheck.Enter(scope.GetRequiredService<TenantScope>(), scope.GetRequiredService<IDocumentStore>(), tenancy, named);
        var reason = refusal switch
        {
            null => null,
            TenantCheck.Required => $"with Kinerja:Tenancy:Enabled this verb works for one instansi: name it with {Flag} ID (tenants list shows them).",
            _ when !tenancy.Enabled => $"tenancy is off; this service serves only the instansi '{tenancy.DefaultTenant}'.",
            _ => $"'{named}' is not an instansi of the tenant table (tenants list shows them).",
        };
        if (reason is not null)
        {
            await Console.Error.WriteLineAsync($"{refusal}: {reason}");
        }

        return reason is null;
    }
}

/// <summary>An admin verb's scope in its instansi, and the verb's arguments other than <c>--instansi</c>.</summary>
public sealed class InstansiWork(AsyncServiceScope scope, string[] rest) : IAsyncDisposable
{
    public IServiceProvider Services => scope.ServiceProvider;

    public IReadOnlyList<string> Rest { get; } = rest;

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
