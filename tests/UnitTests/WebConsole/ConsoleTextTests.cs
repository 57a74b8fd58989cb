using System.Reflection;
using Kinerja.Api.WebConsole;
using static Kinerja.UnitTests.WebConsole.ConsoleLanguage;

namespace Kinerja.UnitTests.WebConsole;

public sealed class ConsoleTextTests
{
    [Fact]
    public void Every_label_has_an_Indonesian_default_and_an_English_wording()
    {
        var id = Text(null);
        var en = Text("en");
        (id.Lang, en.Lang).Should().Be(("id", "en"));
        foreach (var key in ConsoleText.Keys)
        {
            id[key].Should().NotBeNullOrWhiteSpace(key);
            en[key].Should().NotBeNullOrWhiteSpace(key);
        }

        (id["timeline"], en["timeline"]).Should().Be(("Riwayat peristiwa", "Event timeline"));
        id.Format("backDated", 67).Should().Be("Diinput mundur 67 hari");
    }

    [Fact]
    public void Every_label_a_page_asks_for_exists()
    {
        var folder = Path.Combine(Root(), "src", "Api", "WebConsole");
        var asked = Directory.GetFiles(folder, "*.cshtml").Concat(Directory.GetFiles(folder, "*.cs"))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"(?:T|text)\[""(\w+)""\]|Format\(""(\w+)""").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value))
            .Distinct();
        asked.Should().BeSubsetOf(ConsoleText.Keys);
    }

    [Fact]
    public void Only_en_switches_the_language()
    {
        Text("fr").English.Should().BeFalse();
        Text("en").English.Should().BeTrue();
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(Assembly.GetExecutingAssembly().Location)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kinerja.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("No Kinerja.sln above the test assembly.");
    }
}
