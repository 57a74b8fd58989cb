using System.Globalization;
using Kinerja.Domain.Employees;

namespace Kinerja.Tools.Generating;

/// <summary>What an employee does day to day: it chooses their SKP rows, training and who gives them public feedback.</summary>
public enum WorkKind { Pimpinan, Administrasi, Guru, Kesehatan, Kewilayahan }

/// <summary>Names, NIPs, positions and grades as they look in Kota Ambon's registry.</summary>
public static class People
{
    private static readonly string[] Men =
    [
        "Johanis", "Yohanes", "Marthen", "Frederik", "Agustinus", "Abraham", "Hendrik", "Jacob", "Samuel", "Daniel", "Ronald", "Melky",
        "Stevanus", "Paulus", "Richard", "Muhammad", "Abdul", "Ahmad", "Rizal", "Ismail", "Hasan", "Usman", "Fadli", "Ridwan", "Arifin", "Yusuf",
    ];

    private static readonly string[] Women =
    [
        "Maria", "Margaretha", "Yohana", "Elisabeth", "Christina", "Ester", "Debora", "Ribka", "Sarah", "Novita", "Meyske", "Siti",
        "Nurhayati", "Fatimah", "Aisyah", "Halimah", "Rahmawati", "Dewi", "Jeanne", "Fransina", "Wa Ode", "Sitti", "Marlin", "Olivia",
    ];

    private static readonly string[] Families =
    [
        "Latuconsina", "Tuasikal", "Pattiasina", "Sahetapy", "Tahitu", "Lekatompessy", "Wattimena", "Matulessy", "Leimena", "Lewerissa",
        "Tupamahu", "Tuhumury", "Pelupessy", "Siahaya", "Titaley", "Ririmasse", "Huwae", "Manuputty", "Sapulette", "Rehatta", "Talahatu",
        "Soselisa", "Nikijuluw", "Latupeirissa", "Tomasoa", "Loppies", "Sopacua", "Pattipeilohy", "Kakisina", "Ohorella", "Tuanany",
        "Marasabessy", "Lessy", "Sangadji", "Tuankotta", "Rumahlatu", "Hehanussa", "Noya", "Pical", "Souhuwat",
    ];

    public static string FullName(Chance chance, bool female, Degree degree) => degree.Around($"{chance.Pick(female ? Women : Men)} {chance.Pick(Families)}");

    /// <summary>The generated city appoints nobody after 2024, so no generated NIP holds a later date.</summary>
    private static readonly DateOnly LastAppointment = new(2024, 12, 31);

    /// <summary>A NIP that <see cref="Nip.Problem"/> accepts and no one else in <paramref name="taken"/> holds.</summary>
    public static (string Nip, DateOnly StartDate) Nip(Chance chance, EmploymentType type, bool female, int bornFrom, int bornTo, HashSet<string> taken)
    {
        while (true)
        {
            var birth = new DateOnly(chance.Between(bornFrom, bornTo), chance.Between(1, 12), chance.Between(1, 28));
            var gender = female ? '2' : '1';
            var sequence = chance.Between(1, 999).ToString("D3", CultureInfo.InvariantCulture);
            string nip;
            DateOnly start;
            if (type == EmploymentType.PNS)
            {
                var tmt = new DateOnly(Math.Min(2024, birth.Year + chance.Between(22, 30)), chance.Pick([1, 3, 4]), 1);
                start = tmt;
                nip = $"{birth:yyyyMMdd}{tmt:yyyyMM}{gender}{sequence}";
            }
            else
            {
                var appointed = chance.Between(Math.Max(2019, birth.Year + 22), 2024);
                start = new DateOnly(appointed, 3, 1);
                nip = $"{birth:yyyyMMdd}{appointed}{chance.Between(10, 99)}{gender}{sequence}";
            }

            if (Domain.Employees.Nip.Problem(nip, type, LastAppointment) is null && taken.Add(nip))
            {
                return (nip, start);
            }
        }
    }

    public static string? Golongan(Chance chance, EmploymentType type, Position position)
    {
        if (type == EmploymentType.PPPK)
        {
            return null;
        }

        var (low, high) = (position.Kind, position.Level) switch
        {
            (PositionKind.JPT, _) => ("IV/c", "IV/d"),
            (PositionKind.Administrator, _) => ("IV/a", "IV/b"),
            (PositionKind.Pengawas, _) => ("III/c", "III/d"),
            (_, PositionLevel.AhliPertama) => ("III/a", "III/b"),
            (_, PositionLevel.AhliMuda) => ("III/c", "III/d"),
            (_, PositionLevel.AhliMadya or PositionLevel.AhliUtama) => ("IV/a", "IV/c"),
            (_, PositionLevel.Mahir or PositionLevel.Penyelia) => ("III/a", "III/c"),
            (_, PositionLevel.Terampil) => ("II/c", "III/b"),
            _ => ("II/a", "III/b"),
        };
        var all = Domain.Employees.Golongan.All;
        return all[chance.Between(IndexOf(all, low), IndexOf(all, high))];
    }

    private static int IndexOf(IReadOnlyList<string> items, string item) => items.ToList().IndexOf(item);
}
