using System.Runtime.CompilerServices;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using FluentValidation.Validators;
using Kinerja.Api.Hosting;
using Kinerja.Application.Common;
using Kinerja.Application.Integration;
using Kinerja.Domain.Appraisals;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kinerja.Api.Http.OpenApi;

/// <summary>
/// The schemas as a generated client must read them: numbers as numbers, enums as strings (so a nullable enum's
/// <c>null</c> matches one branch only), instants as date-times, the limits the FluentValidation validators enforce, an
/// example per body, and the feed's items as a union keyed by <c>type</c> (docs/decisions/107).
/// </summary>
public static class ContractSchemas
{
    /// <summary>
    /// Component names: the type's name, prefixed with its module where two Kinerja types share a name (Talent's and Evaluations'
    /// <c>UnitDistribution</c>), which would otherwise be written as one schema and describe one of them wrongly.
    /// </summary>
    public static string? ReferenceId(JsonTypeInfo info)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        var type = info.Type;
        return id is not null && !type.IsGenericType && Ambiguous.Value.Contains(type.Name) && type.Namespace?.Split('.') is [_, _, var module, ..]
            ? module + id
            : id;
    }

    private static readonly Lazy<HashSet<string>> Ambiguous = new(() =>
        new[] { typeof(Kinerja.Domain.Actor).Assembly, typeof(Written).Assembly, typeof(ContractSchemas).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .GroupBy(t => t.Name)
            .Where(g => g.Select(t => t.FullName).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToHashSet());

    public static async Task Transform(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (OpenApiExamples.For(type) is { } example)
        {
            schema.Examples = [example];
        }

        Normalize(schema, type);
        EnumKeys(schema, underlying);
        if (context.JsonPropertyInfo is { AttributeProvider: MemberInfo member } property)
        {
            var descriptors = Descriptors(property.DeclaringType, context.ApplicationServices);
            foreach (var descriptor in descriptors ?? [])
            {
                Limit(schema, descriptor, member.Name);
            }

            if (descriptors is not null)
            {
                Bound(schema, context.ApplicationServices.GetRequiredService<IConfiguration>()
                    .GetValue("Kinerja:MaxRequestBodyBytes", ApiServices.DefaultMaxBodyBytes));
            }
        }
        else if (context.ParameterDescription is not null && schema.Type is { } t && t.HasFlag(JsonSchemaType.String))
        {
            // A route or query value cannot be longer than the request line Kestrel accepts (414 beyond).
            schema.MaxLength ??= MaxRequestLine;
        }

        if (type == typeof(FeedItem))
        {
            await FeedUnion(schema, context, ct);
        }
    }

    private const int MaxRequestLine = 8192;

    /// <summary>
    /// A map keyed by an enum takes the enum's names as keys and nothing else (the body is refused as malformed otherwise); the
    /// BerAKHLAK scores are whole numbers from <see cref="Feedback.MinScore"/> to <see cref="Feedback.MaxScore"/> wherever they appear.
    /// </summary>
    private static void EnumKeys(OpenApiSchema schema, Type type)
    {
        if (type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
                is not { } map || map.GetGenericArguments() is not [{ IsEnum: true } key, var value])
        {
            return;
        }

        schema.PropertyNames = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. Enum.GetNames(key).Select(n => JsonValue.Create(n))] };
        if (key == typeof(BerAkhlak) && value == typeof(int) && schema.AdditionalProperties is OpenApiSchema score)
        {
            (score.Minimum, score.Maximum) = (Number(Feedback.MinScore), Number(Feedback.MaxScore));
        }
    }

    /// <summary>
    /// A field of a request body that no validator limits is still bounded by the body limit (413 beyond): said in the schema, so a
    /// client and a linter see the real bound rather than none. A list's items take at least two bytes each (value and comma).
    /// </summary>
    private static void Bound(OpenApiSchema schema, long bodyBytes)
    {
        var max = (int)Math.Min(bodyBytes, int.MaxValue);
        foreach (var part in new[] { schema, schema.Items as OpenApiSchema, schema.AdditionalProperties as OpenApiSchema })
        {
            if (part?.Type is not { } t)
            {
                continue;
            }

            // A number the generator also allows as a string (integer | string) is bounded by its range, not by a length.
            if (t.HasFlag(JsonSchemaType.String) && !t.HasFlag(JsonSchemaType.Integer) && !t.HasFlag(JsonSchemaType.Number) && part.Enum is not { Count: > 0 })
            {
                part.MaxLength ??= max;
            }

            if (t.HasFlag(JsonSchemaType.Array))
            {
                part.MaxItems ??= max / 2;
            }
        }
    }

    private static void Normalize(OpenApiSchema schema, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        NumbersAsNumbers(schema);
        if (underlying.IsEnum)
        {
            // Strings by name (JsonStringEnumConverter). Where the generator lists null among the values (a nullable use, which may
            // also become the enum's component), the type must allow null too, or no null would ever validate.
            var nullable = type != underlying || schema.Enum?.Any(v => v is null) == true;
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            if (nullable && schema.Enum is { } values && values.All(v => v is not null))
            {
                schema.Enum = [.. values, null!];
            }
        }

        if (underlying == typeof(DateTimeOffset) || underlying == typeof(Instant))
        {
            // Written in WIT with milliseconds (decision 078); read with any offset or Z.
            schema.Type = type == underlying ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
            schema.Description ??= "ISO 8601 with an offset or Z, e.g. 2026-12-31T23:59:59+09:00 (the + may be sent as typed or as %2B).";
        }

        FormatLimits(schema);
    }

    /// <summary>ASP.NET Core reads numbers from strings too and says so (<c>integer | string</c> with a pattern); the contract is the number.</summary>
    private static void NumbersAsNumbers(OpenApiSchema schema)
    {
        if (schema.Type is { } t && (t.HasFlag(JsonSchemaType.Integer) || t.HasFlag(JsonSchemaType.Number))
            && (t.HasFlag(JsonSchemaType.String) || schema.Pattern?.StartsWith("^-?(?:0|[1-9]", StringComparison.Ordinal) == true))
        {
            schema.Type = t & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (schema.Type is { } integer && integer.HasFlag(JsonSchemaType.Integer))
        {
            // The type's range is a real limit: a larger number is refused as malformed before any handler runs.
            (schema.Minimum, schema.Maximum) = schema.Format switch
            {
                "int64" => (schema.Minimum ?? long.MinValue.ToString(CultureInfo.InvariantCulture), schema.Maximum ?? long.MaxValue.ToString(CultureInfo.InvariantCulture)),
                _ => (schema.Minimum ?? int.MinValue.ToString(CultureInfo.InvariantCulture), schema.Maximum ?? int.MaxValue.ToString(CultureInfo.InvariantCulture)),
            };
            schema.Format ??= "int32";
        }
    }

    /// <summary>A formatted string cannot be longer than its longest valid value.</summary>
    private static void FormatLimits(OpenApiSchema schema)
    {
        if (schema.Type is { } t && t.HasFlag(JsonSchemaType.String) && schema.MaxLength is null)
        {
            schema.MaxLength = schema.Format switch
            {
                "date" => 10,
                "uuid" => 36,
                "date-time" => 40,
                "time" or "duration" => 40,
                _ => schema.MaxLength,
            };
        }
    }

    /// <summary>
    /// The validator's unconditional rules for one property, as JSON Schema limits; a <c>RuleForEach</c> limits the list's items,
    /// not the list (an empty list passes a rule that each item be non-empty).
    /// </summary>
    private static void Limit(OpenApiSchema schema, IValidatorDescriptor descriptor, string member)
    {
        foreach (var rule in descriptor.GetRulesForMember(member))
        {
            var target = IsForEach(rule) ? schema.Items as OpenApiSchema : schema;
            foreach (var component in target is null ? [] : rule.Components.Where(c => !c.HasCondition && !c.HasAsyncCondition))
            {
                Limit(target!, component.Validator);
            }
        }
    }

    private static bool IsForEach(IValidationRule rule) =>
        rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

    private static void Limit(OpenApiSchema schema, IPropertyValidator validator)
    {
        switch (validator)
        {
            case ILengthValidator length:
                schema.MinLength = length.Min > 0 ? length.Min : schema.MinLength;
                schema.MaxLength = length.Max > 0 ? length.Max : schema.MaxLength;
                break;
            case IItemCountValidator count:
                schema.MaxItems = count.Max;
                break;
            case IBetweenValidator between when Number(between.From) is { } from && Number(between.To) is { } to:
                (schema.Minimum, schema.Maximum) = (from, to);
                break;
            case IComparisonValidator comparison when Number(comparison.ValueToCompare) is { } value:
                switch (comparison.Comparison)
                {
                    case Comparison.GreaterThanOrEqual: schema.Minimum = value; break;
                    case Comparison.GreaterThan: schema.ExclusiveMinimum = value; schema.Minimum = null; break;
                    case Comparison.LessThanOrEqual: schema.Maximum = value; break;
                    case Comparison.LessThan: schema.ExclusiveMaximum = value; schema.Maximum = null; break;
                }

                break;
            case IRegularExpressionValidator regex:
                schema.Pattern ??= regex.Expression;
                schema.MaxLength ??= PatternLimit.MaxLength(regex.Expression);
                break;
            case INotEmptyValidator when schema.Type is { } t && t.HasFlag(JsonSchemaType.Array):
                schema.MinItems ??= 1;
                break;
            case INotEmptyValidator when schema.Type is { } t && t.HasFlag(JsonSchemaType.String):
                schema.MinLength ??= 1;
                break;
        }
    }

    private static string? Number(object? value) => value switch
    {
        int or long or short or byte or decimal or double or float => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>
    /// The validator that checks values of <paramref name="type"/>: its own, or for an HTTP body <c>XRequest</c> that of the command
    /// <c>X</c> it becomes (docs/decisions/068: bodies hold what is not in the route, under the command's names).
    /// </summary>
    /// <returns>null when <paramref name="type"/> is not something a caller sends (an answer's type).</returns>
    private static IReadOnlyList<IValidatorDescriptor>? Descriptors(Type? type, IServiceProvider services)
    {
        if (type is null)
        {
            return null;
        }

        var all = Nested.Value ?? (Nested.Value = Collect(services));
        if (all.TryGetValue(type, out var own))
        {
            return own;
        }

        if (!type.Name.EndsWith("Request", StringComparison.Ordinal))
        {
            return null;
        }

        // The command the body becomes: named after it, or else the validated type that has every one of the body's fields with the
        // fewest others (EvaluateRequest → EvaluateAppraisal).
        var fields = type.GetProperties().Select(p => p.Name).ToHashSet();
        var command = all.Keys.FirstOrDefault(c => c.Name == type.Name[..^"Request".Length])
            ?? all.Keys.Where(c => fields.IsSubsetOf(c.GetProperties().Select(p => p.Name)))
                .OrderBy(c => c.GetProperties().Length).FirstOrDefault();
        return command is null ? [] : all[command];
    }

    /// <summary>The records inside a validated input (a cycle's scope, an indicator's target) are input too, even where their rules sit on the parent.</summary>
    private static void Inputs(Type type, Dictionary<Type, List<IValidatorDescriptor>> found)
    {
        foreach (var property in type.GetProperties())
        {
            var inner = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            inner = inner.IsGenericType && inner.GetGenericArguments() is [var element] ? element : inner;
            if (inner.IsClass && inner != typeof(string) && inner.Namespace?.StartsWith("Kinerja", StringComparison.Ordinal) == true && found.TryAdd(inner, []))
            {
                Inputs(inner, found);
            }
        }
    }

    private static readonly StrongBox<Dictionary<Type, List<IValidatorDescriptor>>?> Nested = new();

    /// <summary>Every validator the application registers, and the inline ones of their ChildRules/SetValidator, by the type each checks.</summary>
    private static Dictionary<Type, List<IValidatorDescriptor>> Collect(IServiceProvider services)
    {
        var found = new Dictionary<Type, List<IValidatorDescriptor>>();
        using var scope = services.CreateScope();
        var checkedTypes = typeof(Written).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            .Select(i => i.GetGenericArguments()[0])
            .Distinct();
        foreach (var checkedType in checkedTypes)
        {
            foreach (var validator in scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(checkedType)).OfType<IValidator>())
            {
                Walk(checkedType, validator, found);
            }
        }

        foreach (var input in found.Keys.ToList())
        {
            Inputs(input, found);
        }

        return found;
    }

    private static void Walk(Type checkedType, IValidator validator, Dictionary<Type, List<IValidatorDescriptor>> found)
    {
        var descriptor = validator.CreateDescriptor();
        if (!found.TryGetValue(checkedType, out var list))
        {
            found[checkedType] = list = [];
        }

        list.Add(descriptor);
        foreach (var component in descriptor.Rules.SelectMany(r => r.Components).Where(c => !c.HasCondition && !c.HasAsyncCondition))
        {
            // ChildRules and SetValidator hold their validator instance; FluentValidation exposes it only to a running validation.
            if (component.Validator is IChildValidatorAdaptor adaptor
                && adaptor.GetType().GetFields(BindingFlags.NonPublic | BindingFlags.Instance)
                    .Select(f => f.GetValue(adaptor)).OfType<IValidator>().FirstOrDefault() is { } child
                && child.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)) is { } childInterface)
            {
                Walk(childInterface.GetGenericArguments()[0], child, found);
            }
        }
    }

    /// <summary>
    /// A feed item is one of the published types: the envelope with <c>type</c> fixed and the payload of that type, so a client can
    /// switch on <c>type</c> and read a typed payload.
    /// </summary>
    private static async Task FeedUnion(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var variants = new List<IOpenApiSchema>();
        foreach (var (name, payload) in IntegrationEventPayloads.V1)
        {
            var variant = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Title = name,
                Required = new HashSet<string>(schema.Required ?? new HashSet<string>()),
                Properties = new Dictionary<string, IOpenApiSchema>(),
            };

            // The envelope's own properties reach this transformer before their own transformation: normalise them here.
            foreach (var property in typeof(FeedItem).GetProperties())
            {
                var json = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                if (schema.Properties is { } properties && properties.TryGetValue(json, out var found) && found is OpenApiSchema envelope)
                {
                    var copy = (OpenApiSchema)envelope.CreateShallowCopy();
                    Normalize(copy, property.PropertyType);
                    variant.Properties[json] = copy;
                }
            }

            variant.Properties["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = name, Enum = [JsonValue.Create(name)] };
            variant.Properties["payload"] = await context.GetOrCreateSchemaAsync(payload, null, ct);
            variants.Add(variant);
        }

        schema.OneOf = variants;
        schema.Discriminator = new OpenApiDiscriminator { PropertyName = "type" };
        schema.Type = null;
        schema.Properties = null;
        schema.Required = null;
    }
}
