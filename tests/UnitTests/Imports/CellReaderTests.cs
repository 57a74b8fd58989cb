using Kinerja.Application.Imports;
using Kinerja.Domain.Employees;

namespace Kinerja.UnitTests.Imports;

public class CellReaderTests
{
    [Fact]
    public void An_enum_cell_reads_by_name_ignoring_case_spaces_hyphens_and_underscores_and_an_unknown_name_is_its_columns_problem()
    {
        var row = new CsvRow(7, new Dictionary<string, string> { ["a"] = "ahli_muda", ["b"] = "Ahli - Utama", ["c"] = "PENYELIA", ["d"] = "Ahli Tua" });
        var cells = new CellReader(row);

        (cells.Enum<PositionLevel>("a"), cells.Enum<PositionLevel>("b"), cells.Enum<PositionLevel>("c"), cells.Enum<PositionLevel>("e"))
            .Should().Be((PositionLevel.AhliMuda, PositionLevel.AhliUtama, PositionLevel.Penyelia, (PositionLevel?)null));
        cells.Errors.Should().BeEmpty();

        cells.Enum<PositionLevel>("d").Should().BeNull();
        cells.Errors.Should().ContainSingle().Which.Should().Match<ImportLineError>(e =>
            e.Line == 7 && e.Column == "d" && e.Code == "validation-failed" && e.Message.StartsWith("'Ahli Tua' is none of Utama, Madya", StringComparison.Ordinal));
    }
}
