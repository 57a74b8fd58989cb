using System.Collections;
using FluentValidation;
using FluentValidation.Validators;

namespace Kinerja.Application.Common;

/// <summary>A list's largest size, readable by the OpenAPI document (<c>maxItems</c>) where a <c>Must</c> lambda is not.</summary>
public interface IItemCountValidator
{
    int Max { get; }
}

public sealed class ItemCountValidator<T, TList>(int max) : PropertyValidator<T, TList>, IItemCountValidator
    where TList : IEnumerable?
{
    public int Max { get; } = max;

    public override string Name => "ItemCountValidator";

    public override bool IsValid(ValidationContext<T> context, TList value) => value is null || value.Cast<object?>().Take(Max + 1).Count() <= Max;

    protected override string GetDefaultMessageTemplate(string errorCode) => Wordings.AtMost(Max, "butir", "items").ForCaller();
}

public static class ItemCountRules
{
    /// <summary>At most <paramref name="max"/> items (null passes: say NotNull/NotEmpty where a list is required).</summary>
    public static IRuleBuilderOptions<T, TList> AtMostItems<T, TList>(this IRuleBuilder<T, TList> rule, int max) where TList : IEnumerable? =>
        rule.SetValidator(new ItemCountValidator<T, TList>(max));
}
