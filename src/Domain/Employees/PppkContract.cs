namespace Kinerja.Domain.Employees;

/// <summary>A PPPK work agreement (perjanjian kerja), both ends included.</summary>
public sealed record PppkContract(string Reference, DateOnly StartsOn, DateOnly EndsOn, bool Renewal)
{
    /// <summary>The shortest agreement (reference data, version 1): one year (PP 49/2018 art. 37(1); UU 5/2014 art. 98(2)).</summary>
    public const int MinimumYears = 1;

    public bool Covers(DateOnly date) => date >= StartsOn && date <= EndsOn;

    /// <summary>
    /// The contract year containing <paramref name="date"/>: counted from the agreement's start, a year at a time, the
    /// last one cut at its end. The PPPK training cap is per such year (PP 49/2018 art. 39).
    /// </summary>
    public (DateOnly Start, DateOnly End) YearOf(DateOnly date)
    {
        var years = date.Year - StartsOn.Year;
        var start = StartsOn.AddYears(years);
        if (start > date)
        {
            start = StartsOn.AddYears(years - 1);
        }

        var end = start.AddYears(1).AddDays(-1);
        return (start, end < EndsOn ? end : EndsOn);
    }
}
