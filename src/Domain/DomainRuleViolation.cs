namespace Kinerja.Domain;

/// <summary>A business rule refused the decision; <see cref="Code"/> is stable and machine-readable.</summary>
public sealed class DomainRuleViolation(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
