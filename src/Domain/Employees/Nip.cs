using System.Globalization;

namespace Kinerja.Domain.Employees;

/// <summary>
/// NIP (Nomor Induk Pegawai) rules. PNS: birth date (8) + TMT CPNS year-month (6) + gender (1) +
/// sequence (3). NI PPPK: birth date (8) + appointment year (4) + codes whose meaning sources
/// disagree on, so only length, birth date and digits are checked.
/// </summary>
public static class Nip
{
    public const int Length = 18;

    /// <returns>null when valid, otherwise why not.</returns>
    public static string? Problem(string? nip, EmploymentType type)
    {
        if (string.IsNullOrEmpty(nip) || nip.Length != Length || !nip.All(char.IsAsciiDigit))
        {
            return $"must be exactly {Length} digits";
        }

        if (BirthDate(nip) is not { } birth)
        {
            return "must start with a real birth date (YYYYMMDD)";
        }

        return type == EmploymentType.PNS ? PnsProblem(nip, birth) : null;
    }

    public static DateOnly? BirthDate(string nip) =>
        DateOnly.TryParseExact(nip[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 1900
            ? d
            : null;

    /// <summary>Display form of a PNS NIP, e.g. <c>19860926 201505 1 001</c>; storage is digits only.</summary>
    public static string Format(string nip) =>
        nip.Length == Length ? $"{nip[..8]} {nip[8..14]} {nip[14]} {nip[15..]}" : nip;

    private static string? PnsProblem(string nip, DateOnly birth)
    {
        var year = int.Parse(nip[8..12], CultureInfo.InvariantCulture);
        var month = int.Parse(nip[12..14], CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || year < 1900)
        {
            return "digits 9-14 must be a real TMT CPNS year and month (YYYYMM)";
        }

        if (year * 12 + month <= birth.Year * 12 + birth.Month)
        {
            return "TMT CPNS (digits 9-14) must be after the birth date";
        }

        if (nip[14] is not ('1' or '2'))
        {
            return "digit 15 (gender) must be 1 or 2";
        }

        return nip[15..] == "000" ? "the sequence (digits 16-18) must not be 000" : null;
    }
}
