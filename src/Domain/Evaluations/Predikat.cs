namespace Kinerja.Domain.Evaluations;

/// <summary>Rating of hasil kerja (results) or perilaku kerja (behaviour) against expectations.</summary>
public enum Rating { DiBawahEkspektasi, SesuaiEkspektasi, DiAtasEkspektasi }

/// <summary>Predikat kinerja: the official performance verdict (PermenPANRB 6/2022). Kurang also covers misconduct.</summary>
public enum Predikat { SangatBaik, Baik, ButuhPerbaikan, Kurang, SangatKurang }

/// <summary>
/// The matrix that turns the two ratings into the predikat. It is versioned reference data: the
/// official annex was not at hand, so every evaluation records the version that produced its predikat.
/// </summary>
public sealed class PredikatTable
{
    private readonly Dictionary<(Rating Hasil, Rating Perilaku), Predikat> _cells;

    public PredikatTable(string version, Dictionary<(Rating Hasil, Rating Perilaku), Predikat> cells)
    {
        var missing = Enum.GetValues<Rating>().SelectMany(h => Enum.GetValues<Rating>().Select(p => (h, p))).Where(c => !cells.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Predikat table {version} lacks {missing.Count} of the nine cells.", nameof(cells));
        }

        Version = version;
        _cells = cells;
    }

    public string Version { get; }

    public Predikat For(Rating hasil, Rating perilaku) => _cells[(hasil, perilaku)];
}

public static class PredikatTables
{
    public const string PermenPanRb6Of2022 = "PermenPANRB 6/2022";

    /// <summary>Poor behaviour gives Kurang whatever the results; poor results with acceptable behaviour give Butuh Perbaikan.</summary>
    public static readonly PredikatTable PermenPanRb6 = new(PermenPanRb6Of2022, new()
    {
        [(Rating.DiAtasEkspektasi, Rating.DiBawahEkspektasi)] = Predikat.Kurang,
        [(Rating.DiAtasEkspektasi, Rating.SesuaiEkspektasi)] = Predikat.Baik,
        [(Rating.DiAtasEkspektasi, Rating.DiAtasEkspektasi)] = Predikat.SangatBaik,
        [(Rating.SesuaiEkspektasi, Rating.DiBawahEkspektasi)] = Predikat.Kurang,
        [(Rating.SesuaiEkspektasi, Rating.SesuaiEkspektasi)] = Predikat.Baik,
        [(Rating.SesuaiEkspektasi, Rating.DiAtasEkspektasi)] = Predikat.Baik,
        [(Rating.DiBawahEkspektasi, Rating.DiBawahEkspektasi)] = Predikat.SangatKurang,
        [(Rating.DiBawahEkspektasi, Rating.SesuaiEkspektasi)] = Predikat.ButuhPerbaikan,
        [(Rating.DiBawahEkspektasi, Rating.DiAtasEkspektasi)] = Predikat.ButuhPerbaikan,
    });

    public static PredikatTable Current => PermenPanRb6;

    private static readonly Dictionary<string, PredikatTable> ByVersionName = new() { [PermenPanRb6.Version] = PermenPanRb6 };

    public static PredikatTable? ByVersion(string version) => ByVersionName.GetValueOrDefault(version);
}
