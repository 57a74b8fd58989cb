using Kinerja.Domain.Evaluations;

namespace Kinerja.UnitTests.Evaluations;

public sealed class PredikatTableTests
{
    [Theory]
    [InlineData(Rating.DiAtasEkspektasi, Rating.DiBawahEkspektasi, Predikat.Kurang)]
    [InlineData(Rating.DiAtasEkspektasi, Rating.SesuaiEkspektasi, Predikat.Baik)]
    [InlineData(Rating.DiAtasEkspektasi, Rating.DiAtasEkspektasi, Predikat.SangatBaik)]
    [InlineData(Rating.SesuaiEkspektasi, Rating.DiBawahEkspektasi, Predikat.Kurang)]
    [InlineData(Rating.SesuaiEkspektasi, Rating.SesuaiEkspektasi, Predikat.Baik)]
    [InlineData(Rating.SesuaiEkspektasi, Rating.DiAtasEkspektasi, Predikat.Baik)]
    [InlineData(Rating.DiBawahEkspektasi, Rating.DiBawahEkspektasi, Predikat.SangatKurang)]
    [InlineData(Rating.DiBawahEkspektasi, Rating.SesuaiEkspektasi, Predikat.ButuhPerbaikan)]
    [InlineData(Rating.DiBawahEkspektasi, Rating.DiAtasEkspektasi, Predikat.ButuhPerbaikan)]
    public void Each_cell_of_the_PermenPANRB_6_2022_matrix_gives_its_predikat(Rating hasil, Rating perilaku, Predikat expected) =>
        PredikatTables.PermenPanRb6.For(hasil, perilaku).Should().Be(expected);

    [Fact]
    public void The_current_table_is_the_2022_regulation_and_is_found_by_its_version_name()
    {
        PredikatTables.Current.Version.Should().Be("PermenPANRB 6/2022");
        PredikatTables.ByVersion("PermenPANRB 6/2022").Should().BeSameAs(PredikatTables.PermenPanRb6);
        PredikatTables.ByVersion("PermenPANRB 8/2021").Should().BeNull();
    }

    [Fact]
    public void A_table_missing_a_cell_is_refused_when_defined()
    {
        var act = () => new PredikatTable("incomplete", new() { [(Rating.DiAtasEkspektasi, Rating.DiAtasEkspektasi)] = Predikat.SangatBaik });
        act.Should().Throw<ArgumentException>().WithMessage("*lacks 8 of the nine cells*");
    }
}
