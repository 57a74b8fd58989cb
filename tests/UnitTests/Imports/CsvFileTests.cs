using Kinerja.Application.Imports;

namespace Kinerja.UnitTests.Imports;

public class CsvFileTests
{
    [Fact]
    public void Quoted_cells_keep_delimiters_quotes_and_line_breaks_and_rows_keep_the_line_they_start_on()
    {
        var file = CsvFile.Parse("\uFEFFKode,Nama\r\nA1,\"Dinas \"\"Satu\"\", Bidang\"\r\nA2,\"dua\nbaris\"\n\nA3,tiga\n");

        file.Headers.Should().Equal("kode", "nama");
        file.Rows.Select(r => (r.Line, r["kode"], r["nama"])).Should().Equal(
            (2, "A1", "Dinas \"Satu\", Bidang"), (3, "A2", "dua\nbaris"), (6, "A3", "tiga"));
        file.LastLine.Should().Be(6);
    }

    [Fact]
    public void A_semicolon_header_makes_semicolons_the_delimiter_and_empty_or_missing_cells_read_as_null()
    {
        var file = CsvFile.Parse("nip;nama;nip_atasan\n198609262015051001;Maria, S.Pd.;\n199001012015052001\n");

        file.Rows[0]["nama"].Should().Be("Maria, S.Pd.");
        file.Rows[0]["nip_atasan"].Should().BeNull();
        file.Rows[1]["nama"].Should().BeNull();
        file.Rows[1]["tidak_ada"].Should().BeNull();
    }
}
