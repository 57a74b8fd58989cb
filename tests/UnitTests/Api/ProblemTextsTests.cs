using System.Text.RegularExpressions;
using Kinerja.Api.Http;
using Kinerja.UnitTests.Architecture;
using Microsoft.AspNetCore.Http;

namespace Kinerja.UnitTests.Api;

public partial class ProblemTextsTests
{
    private const string Code = "\"([a-z]+(?:-[a-z0-9]+)*)\"";

    /// <summary>
    /// Where a problem's code is written in the sources: the failures' constructors (also as a target-typed <c>new(...)</c> of a
    /// method returning one), a code handed to a registry lookup, the problem writer's own calls and its codes per status.
    /// </summary>
    private static readonly Regex[] Sites =
    [
        new($@"(?:DomainRuleViolation|NotFound|ApplicationFailure)\(\s*{Code}"),
        new($@"(?:DomainRuleViolation|NotFound|AccessDenied)\s+\w+\([^)]*\)\s*=>\s*new\(\s*{Code}"),
        new($@"AccessDenied\([^;]*?,\s*{Code}\s*\)", RegexOptions.Singleline),
        new($@"Referenced\([^;]*?{Code}", RegexOptions.Singleline),
        new($@"Problems\.Write\([^;]*?{Code}", RegexOptions.Singleline),
        new($@"\bcode:\s*{Code}"),
        new($@"string code = {Code}"),
    ];

    private static IReadOnlyList<(string Code, string File)> EmittedCodes()
    {
        var src = Path.Combine(LayerTests.RepositoryRoot(), "src");
        var found = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var sites = Path.GetFileName(file) == "Problems.cs" ? [.. Sites, new Regex(@"(?:=>|\?|:)\s*" + Code)] : Sites;
            found.AddRange(sites.SelectMany(site => site.Matches(text)).Select(m => (m.Groups[1].Value, Path.GetRelativePath(src, file))));
        }

        return found;
    }

    [Fact]
    public void Every_code_the_service_can_emit_has_an_indonesian_and_an_english_text()
    {
        var emitted = EmittedCodes();
        emitted.Select(e => e.Code).Should().Contain(["budget-exceeded", "employee-not-found", "validation-failed", "stale-version", "unknown-supervisor",
            "rater-is-ratee", "idempotency-key-reused", "cycle-name-taken", "forbidden"], "the scan finds codes at every kind of site");

        emitted.Where(e => !ProblemTexts.ByCode.ContainsKey(e.Code)).Select(e => $"{e.Code} ({e.File})").Should().BeEmpty();
        ProblemTexts.ByCode.Should().OnlyContain(t => t.Value.Indonesian.Length > 0 && t.Value.English.Length > 0 && t.Value.Indonesian != t.Value.English);
    }

    [Fact]
    public void Every_code_in_the_catalogue_is_one_the_service_can_emit()
    {
        var emitted = EmittedCodes().Select(e => e.Code).ToHashSet();

        ProblemTexts.ByCode.Keys.Where(code => !emitted.Contains(code)).Should().BeEmpty("a text for a code nothing emits is dead");
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("id", false)]
    [InlineData("en", true)]
    [InlineData("en-GB", true)]
    [InlineData("id-ID,id;q=0.9,en;q=0.8", false)]
    [InlineData("en-US,en;q=0.9,id;q=0.5", true)]
    [InlineData("fr", false)]
    public void Indonesian_is_the_default_and_english_is_given_to_whoever_prefers_it(string? acceptLanguage, bool english)
    {
        var context = new DefaultHttpContext();
        if (acceptLanguage is not null)
        {
            context.Request.Headers.AcceptLanguage = acceptLanguage;
        }

        ProblemTexts.WantsEnglish(context.Request).Should().Be(english);
    }
}
