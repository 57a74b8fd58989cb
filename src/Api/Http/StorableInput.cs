using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace Kinerja.Api.Http;

/// <summary>
/// One rule for every value a request carries (route, query and body), checked before any endpoint builds its command:
/// text PostgreSQL cannot store (NUL, unpaired UTF-16 surrogates: neither fits <c>text</c> nor <c>jsonb</c>), a list the
/// contract requires but the body left out or sent as null, and a number given for an enum that names none of its values. Both reached the database or a handler and answered 500;
/// here they are a 400 <c>validation-failed</c> naming the field, and no validator has to remember them.
/// </summary>
public static class StorableInput
{
    private const int MaxDepth = 8;
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, bool Required)[]> Shapes = new();

    public static TBuilder RefuseUnstorableInput<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var parameters = factory.MethodInfo.GetParameters();
            return async invocation =>
            {
                if (invocation.HttpContext.Response.StatusCode == StatusCodes.Status400BadRequest)
                {
                    throw QueryParameterProblem.Unparsed(invocation.HttpContext, parameters);
                }

                var failures = new List<ValidationFailure>();
                for (var i = 0; i < invocation.Arguments.Count && i < parameters.Length; i++)
                {
                    // A body's or a route record's fields are named as the client wrote them, at the top; a lone value by its parameter.
                    Check(invocation.Arguments[i], parameters[i].Name ?? "", flatten: true, failures, 0);
                }

                if (failures.Count > 0)
                {
                    // A body that is itself the command has validators: their findings are answered too, so one 400 names every field.
                    failures.AddRange((await ValidatorFindings(invocation)).Where(f => failures.All(mine => mine.PropertyName != f.PropertyName)));
                    throw new ValidationException(failures);
                }

                return await next(invocation);
            };
        });

    private static async Task<IEnumerable<ValidationFailure>> ValidatorFindings(EndpointFilterInvocationContext invocation)
    {
        var found = new List<ValidationFailure>();
        foreach (var argument in invocation.Arguments.Where(a => a is not null && IsOurs(a.GetType())))
        {
            var validators = invocation.HttpContext.RequestServices.GetServices(typeof(IValidator<>).MakeGenericType(argument!.GetType())).OfType<IValidator>();
            foreach (var validator in validators)
            {
                try
                {
                    var result = await validator.ValidateAsync(new ValidationContext<object>(argument), invocation.HttpContext.RequestAborted);
                    found.AddRange(result.Errors.Select(e => new ValidationFailure(JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName), e.ErrorMessage)));
                }
                catch (Exception e) when (e is NullReferenceException or ArgumentNullException)
                {
                    // A rule that assumed the list this filter found missing: the filter's own finding says it.
                }
            }
        }

        return found;
    }

    /// <summary>The failures of one value: the same rule as the filter, for tests and for callers outside HTTP.</summary>
    public static IReadOnlyList<ValidationFailure> Failures(object? value, string name)
    {
        var failures = new List<ValidationFailure>();
        Check(value, name, flatten: false, failures, 0);
        return failures;
    }

    /// <summary>True when PostgreSQL can store the text: no NUL and every surrogate paired.</summary>
    public static bool IsStorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0' || char.IsLowSurrogate(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    private static void Check(object? value, string path, bool flatten, List<ValidationFailure> failures, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case Enum member when !member.GetType().IsDefined(typeof(FlagsAttribute), false) && !Enum.IsDefined(member.GetType(), member):
                // Binding reads a number as an enum too (`?targetPositionKind=-1`), and any number fits: only the named values are input.
                failures.Add(new ValidationFailure(path, $"'{member}' is not one of: {string.Join(", ", Enum.GetNames(member.GetType()))}."));
                return;
            case Enum:
                return;
            case string text:
                if (!IsStorable(text))
                {
                    failures.Add(new ValidationFailure(path, "must not contain NUL or unpaired surrogate characters."));
                }

                return;
            case IDictionary dictionary when depth < MaxDepth:
                foreach (DictionaryEntry entry in dictionary)
                {
                    Check(entry.Key, $"{path}[{entry.Key}]", false, failures, depth + 1);
                    Check(entry.Value, $"{path}[{entry.Key}]", false, failures, depth + 1);
                }

                return;
            case IEnumerable items when depth < MaxDepth:
                var index = 0;
                foreach (var item in items)
                {
                    Check(item, $"{path}[{index++}]", false, failures, depth + 1);
                }

                return;
        }

        var type = value.GetType();
        if (depth >= MaxDepth || !IsOurs(type))
        {
            return;
        }

        foreach (var (property, required) in Shape(type))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var at = flatten || path.Length == 0 ? name : $"{path}.{name}";
            var member = property.GetValue(value);
            if (member is null && required)
            {
                failures.Add(new ValidationFailure(at, "is required (a list, possibly empty)."));
                continue;
            }

            Check(member, at, false, failures, depth + 1);
        }
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("Kinerja.", StringComparison.Ordinal) == true && !type.IsEnum;

    /// <summary>A list is required when its property is declared non-nullable; the JSON reader leaves it null when the body omits it.</summary>
    private static (PropertyInfo, bool)[] Shape(Type type) => Shapes.GetOrAdd(type, t =>
    {
        var nullability = new NullabilityInfoContext();
        return [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead)
            .Select(p => (p, IsList(p.PropertyType) && nullability.Create(p).ReadState == NullabilityState.NotNull))];
    });

    private static bool IsList(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);
}
