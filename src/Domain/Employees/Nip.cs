using System.Globalization;

namespace Kinerja.Domain.Employees;

/// <summary>
/// NIP (Nomor Induk Pegawai) rules. PNS: birth date (8) + TMT CPNS year-month (6) + gender (1) +
/// sequence (3). NI PPPK: birth date (8) + appointment year (4) + codes whose meaning sources
/// disagree on, so only length, birth date, the appointment year and digits are checked.
/// </summary>
public static class Nip
{
    public const int Length = 18;

    /// <summary>What stands in for a NIP for a non-ASN official: starts with a letter, so it never equals a NIP.</summary>
    private static readonly System.Text.RegularExpressions.Regex RegistryCode = new("^[A-Z][A-Z0-9-]{2,17}$");

    /// <summary>A key the registry may address someone by: an 18-digit NIP or a non-ASN official's registry code.</summary>
    public static bool IsKey(string? key) =>
        key is not null && ((key.Length == Length && key.All(char.IsAsciiDigit)) || RegistryCode.IsMatch(key));

    public static readonly Wording KeyRule = new(
        "harus NIP 18 digit, atau kode registri pejabat non-ASN (3–18 huruf kapital, angka, atau tanda hubung, diawali huruf)",
        "must be an 18-digit NIP, or a non-ASN official's registry code (3-18 capitals, digits or hyphens, starting with a letter)");

    /// <summary>
    /// The youngest a person may be when appointed, per kind (reference data, version 1). PNS: 18 at the CPNS
    /// appointment (PP 11/2017 art. 23(1)(a)). PPPK: 20 at the appointment (PP 49/2018 art. 16(a)).
    /// </summary>
    public static readonly IReadOnlyDictionary<EmploymentType, int> MinimumAge = new Dictionary<EmploymentType, int>
    {
        [EmploymentType.PNS] = 18,
        [EmploymentType.PPPK] = 20,
    };

    /// <param name="today">The WIT date of the check: no date in a NIP may lie after it.</param>
    /// <returns>null when valid, otherwise why not.</returns>
    public static Wording? Problem(string? nip, EmploymentType type, DateOnly today)
    {
        if (type == EmploymentType.NonAsn)
        {
            return nip is not null && RegistryCode.IsMatch(nip)
                ? null
                : new Wording(
                    "pejabat non-ASN tidak memiliki NIP: gunakan kode registri 3–18 huruf kapital, angka, atau tanda hubung yang diawali huruf (mis. WALIKOTA-AMBON)",
                    "a non-ASN official has no NIP: use a registry code of 3-18 capitals, digits or hyphens starting with a letter (e.g. WALIKOTA-AMBON)");
        }

        if (string.IsNullOrEmpty(nip) || nip.Length != Length || !nip.All(char.IsAsciiDigit))
        {
            return new($"harus tepat {Length} digit", $"must be exactly {Length} digits");
        }

        if (BirthDate(nip) is not { } birth)
        {
            return new("harus diawali tanggal lahir yang ada (YYYYMMDD)", "must start with a real birth date (YYYYMMDD)");
        }

        if (birth > today)
        {
            return new("tanggal lahir (digit 1–8) tidak boleh di masa depan", "the birth date (digits 1-8) must not be in the future");
        }

        return type == EmploymentType.PNS ? PnsProblem(nip, birth, today) : PppkProblem(nip, birth, today);
    }

    public static DateOnly? BirthDate(string nip) =>
        DateOnly.TryParseExact(nip[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 1900
            ? d
            : null;

    /// <summary>Display form of a PNS NIP, e.g. <c>19860926 201505 1 001</c>; storage is digits only.</summary>
    public static string Format(string nip) =>
        nip.Length == Length ? $"{nip[..8]} {nip[8..14]} {nip[14]} {nip[15..]}" : nip;

    private static Wording? PnsProblem(string nip, DateOnly birth, DateOnly today)
    {
        var year = int.Parse(nip[8..12], CultureInfo.InvariantCulture);
        var month = int.Parse(nip[12..14], CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || year < 1900)
        {
            return new("digit 9–14 harus tahun dan bulan TMT CPNS yang ada (YYYYMM)", "digits 9-14 must be a real TMT CPNS year and month (YYYYMM)");
        }

        // A TMT is the first day of its month.
        var tmt = new DateOnly(year, month, 1);
        if (tmt > today)
        {
            return new("TMT CPNS (digit 9–14) tidak boleh di masa depan", "TMT CPNS (digits 9-14) must not be in the future");
        }

        if (birth.AddYears(MinimumAge[EmploymentType.PNS]) > tmt)
        {
            return new(
                $"TMT CPNS (digit 9–14) harus pada saat yang bersangkutan berusia paling rendah {MinimumAge[EmploymentType.PNS]} tahun (PP 11/2017)",
                $"TMT CPNS (digits 9-14) must be when the person was at least {MinimumAge[EmploymentType.PNS]} (PP 11/2017)");
        }

        if (nip[14] is not ('1' or '2'))
        {
            return new("digit 15 (jenis kelamin) harus 1 atau 2", "digit 15 (gender) must be 1 or 2");
        }

        return nip[15..] == "000" ? new("nomor urut (digit 16–18) tidak boleh 000", "the sequence (digits 16-18) must not be 000") : null;
    }

    /// <summary>Only the year is known, so a year in which the person could have turned the minimum age passes.</summary>
    private static Wording? PppkProblem(string nip, DateOnly birth, DateOnly today)
    {
        var year = int.Parse(nip[8..12], CultureInfo.InvariantCulture);
        if (year > today.Year)
        {
            return new("tahun pengangkatan (digit 9–12) tidak boleh di masa depan", "the appointment year (digits 9-12) must not be in the future");
        }

        return year < birth.Year + MinimumAge[EmploymentType.PPPK]
            ? new(
                $"tahun pengangkatan (digit 9–12) harus pada saat yang bersangkutan berusia paling rendah {MinimumAge[EmploymentType.PPPK]} tahun (PP 49/2018)",
                $"the appointment year (digits 9-12) must be when the person was at least {MinimumAge[EmploymentType.PPPK]} (PP 49/2018)")
            : null;
    }
}
