namespace Kinerja.Domain;

/// <summary>A business rule refused the decision; <see cref="Code"/> is stable and machine-readable.</summary>
/// <param name="extensions">Figures the caller needs to act on the refusal (e.g. the remaining budget); the Api adds them to the problem as extension members.</param>
public sealed class DomainRuleViolation(string code, string message, IReadOnlyDictionary<string, object>? extensions = null) : Exception(message)
{
    public string Code { get; } = code;

    public IReadOnlyDictionary<string, object> Extensions { get; } = extensions ?? new Dictionary<string, object>();
}
