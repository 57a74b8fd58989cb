using Kinerja.Domain.Appraisals;
using Kinerja.Domain.Employees;
using Kinerja.Domain.Evaluations;
using Kinerja.Domain.Units;

namespace Kinerja.Tools.Generating;

public sealed record CityUnit(UnitSpec Spec, UnitKerja State);

/// <summary>A generated employee: the decision state plus the latent traits that make their year go well or badly.</summary>
public sealed class CityEmployee(Employee state, string fullName, CityUnit unit, WorkKind work, CityEmployee? supervisor, double talent, double conduct)
{
    public Employee State { get; set; } = state;

    public string FullName { get; } = fullName;

    public CityUnit Unit { get; } = unit;

    public WorkKind Work { get; } = work;

    public CityEmployee? Supervisor { get; } = supervisor;

    public List<CityEmployee> Subordinates { get; } = [];

    /// <summary>Typical share of targets achieved (about 1.0).</summary>
    public double Talent { get; } = talent;

    /// <summary>Work behaviour on a standard normal scale; correlated with talent.</summary>
    public double Conduct { get; } = conduct;

    public Guid Id => State.Id;

    public string Nip => State.Nip;
}

/// <summary>One generated appraisal cycle and where each employee's appraisal ended.</summary>
public sealed record CityCycle(Guid Id, string Name, int Year, bool Closed, Dictionary<Guid, Appraisal> Appraisals)
{
    public Predikat? PredikatOf(Guid employeeId) =>
        Appraisals.TryGetValue(employeeId, out var a) && a.EvaluationStatus == EvaluationStatus.Approved ? a.Predikat : null;
}

/// <summary>The city being generated: everything later stages decide against, in the order it was made.</summary>
public sealed class City(int seed, int size)
{
    public int Seed { get; } = seed;

    public int Size { get; } = size;

    public Chance Chance { get; } = new(seed);

    public List<CityUnit> Units { get; } = [];

    /// <summary>Superiors before their subordinates.</summary>
    public List<CityEmployee> Employees { get; } = [];

    public List<CityCycle> Cycles { get; } = [];

    /// <summary>The codes of the vacant positions, in the order they were registered.</summary>
    public List<string> PositionCodes { get; } = [];

    public HashSet<string> Nips { get; } = [];

    public CityUnit Unit(string code) => Units.First(u => u.Spec.Code == code);

    public static T Fold<T>(Func<T?, object, T> evolve, T? state, IEnumerable<object> events) where T : class
    {
        foreach (var e in events)
        {
            state = evolve(state, e);
        }

        return state ?? throw new InvalidOperationException("No events to fold.");
    }
}
