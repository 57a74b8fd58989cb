using FluentValidation;
using Kinerja.Application.Common;
using Kinerja.Application.Units;

namespace Kinerja.Api.WebConsole;

/// <summary>
/// One part of a page as the API would have answered it: the value, or why there is none (403 for the role, 404, or a
/// query the API would refuse with 400). A page shows each part on its own, so one refusal does not hide the rest.
/// </summary>
public sealed record Section<T>(T? Value, bool Allowed, string? Problem)
{
    public bool Shown => Allowed && Problem is null && Value is not null;
}

public sealed class ConsoleReads(ConsoleAccess access, IHttpContextAccessor accessor)
{
    /// <param name="unit">The unit a unit-scoped read is about: checked against the caller's units as the API's route checks it.</param>
    public async Task<Section<T>> Read<T>(string apiPattern, Func<CancellationToken, ValueTask<T>> read, CancellationToken ct, string? unit = null)
    {
        var http = accessor.HttpContext ?? throw new InvalidOperationException("No HTTP request in scope.");
        if (!await access.Allows(http, apiPattern))
        {
            return new Section<T>(default, false, null);
        }

        try
        {
            if (access.IsUnitScoped(apiPattern))
            {
                await http.RequestServices.GetRequiredService<UnitScope>().EnsureCovers(unit, ct);
            }

            return new Section<T>(await read(ct), true, null);
        }
        catch (AccessDenied)
        {
            return new Section<T>(default, false, null);
        }
        catch (NotFound e)
        {
            return new Section<T>(default, true, e.Message);
        }
        catch (ValidationException e)
        {
            return new Section<T>(default, true, string.Join(" ", e.Errors.Select(x => $"{x.PropertyName}: {x.ErrorMessage}")));
        }
    }
}
