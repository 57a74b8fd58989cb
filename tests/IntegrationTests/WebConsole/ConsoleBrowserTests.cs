using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Kinerja.Application.Common;
using Microsoft.Playwright;

namespace Kinerja.IntegrationTests.WebConsole;

/// <summary>
/// The console in a real Chromium: an auditor signs in, reads a guru's timeline, state as of a time, verification and CSV, then the
/// school's distribution; every page passes axe-core without serious findings. Screenshots go to <c>KINERJA_CONSOLE_SCREENSHOTS</c>
/// when set (the committed ones in docs/console came from there), otherwise to a temporary folder.
/// </summary>
public sealed class ConsoleBrowserTests(ConsoleBrowser app) : IClassFixture<ConsoleBrowser>
{
    private static readonly string Shots = Environment.GetEnvironmentVariable("KINERJA_CONSOLE_SCREENSHOTS") is { Length: > 0 } dir
        ? dir
        : Path.Combine(Path.GetTempPath(), "kinerja-console-shots");

    [Fact]
    public async Task An_auditor_reads_a_guru_timeline_as_of_a_time_with_back_dated_entries_marked_verifies_the_chains_and_downloads_the_CSV()
    {
        var page = await SignedIn(Roles.Auditor);
        await page.GetByLabel("NIP").FillAsync(app.Guru);
        await page.GetByRole(AriaRole.Button, new() { Name = "Buka" }).First.ClickAsync();
        await page.WaitForURLAsync($"**/console/employees/{app.Guru}");

        var timeline = page.Locator("#timeline tbody tr");
        (await timeline.CountAsync()).Should().BeGreaterThan(5);
        (await page.Locator("#timeline tbody tr.late .mark").First.InnerTextAsync()).Should().MatchRegex(@"^Diinput mundur \d+ hari$");
        (await page.Locator("#timeline").InnerTextAsync()).Should().Contain("realisation_recorded").And.Contain("evaluation_submitted").And.Contain("supervisor");
        await Shoot(page, "employee-timeline");

        // As of now (WIT): every event replayed, the late evaluation and approval listed as back-dated.
        // Minute precision: Chromium drops ":00" seconds from a datetime-local value, and Playwright then refuses the fill as
        // "Malformed value" (one CI run in sixty landed on a whole minute).
        var now = DateTimeOffset.UtcNow.ToOffset(Wit.Offset).AddMinutes(2).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("Per (WIT)").FillAsync(now);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tampilkan" }).ClickAsync();
        var asOf = page.Locator("#as-of");
        await Assertions.Expect(asOf).ToContainTextAsync("peristiwa diputar ulang");
        (await asOf.Locator("li .mark").CountAsync()).Should().BeGreaterThanOrEqualTo(2, "the evaluation and its approval take effect on the period's last day");
        (await asOf.InnerTextAsync()).Should().Contain("evaluation_submitted").And.Contain("Sangat Baik");
        await Shoot(page, "employee-as-of");

        // Before anything about the guru was recorded there is nothing to show, and the page says so instead of failing.
        await page.GetByLabel("Per (WIT)").FillAsync("2020-01-01T00:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tampilkan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#as-of")).ToContainTextAsync("Nothing was recorded");

        await page.GetByRole(AriaRole.Button, new() { Name = "Jalankan verifikasi" }).ClickAsync();
        await Assertions.Expect(page.Locator("#verification-result")).ToHaveTextAsync("Utuh: setiap aliran cocok dengan rantai yang disegel.");
        await Shoot(page, "employee-verification");
        await NoSeriousAccessibilityFindings(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Unduh CSV" }).ClickAsync());
        download.SuggestedFilename.Should().Be($"riwayat-{app.Guru}.csv");
        var lines = await File.ReadAllLinesAsync(await download.PathAsync());
        lines[0].Should().StartWith("sequence,recordedAt,streamId,version,type,effectiveOn,daysBackDated");
        lines.Should().Contain(l => l.Contains(",evaluation_submitted,", StringComparison.Ordinal) && l.Contains("+09:00", StringComparison.Ordinal));
        lines.Length.Should().Be(await timeline.CountAsync() + 1, "the download is the whole filtered timeline, one line per event");
    }

    [Fact]
    public async Task An_auditor_opens_the_unit_and_sees_the_distribution_drawn_against_the_guidance_with_breaches_ranking_and_follow_ups()
    {
        var page = await SignedIn(Roles.Auditor);
        await page.GetByLabel("Siklus", new() { Exact = true }).SelectOptionAsync(app.Cycle.ToString());
        await page.GetByLabel("Kode unit").FillAsync(app.School);
        await page.GetByRole(AriaRole.Button, new() { Name = "Buka" }).Last.ClickAsync();
        await page.WaitForURLAsync($"**/console/cycles/{app.Cycle}/units/{app.School}");

        var chart = page.Locator("svg.chart");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        (await chart.Locator("rect").CountAsync()).Should().Be(5, "one bar per predikat");
        (await chart.Locator("line[stroke-dasharray]").CountAsync()).Should().Be(2, "result Baik has two bounds");
        var drawn = await chart.TextContentAsync() ?? "";
        drawn.Should().Contain("Baik maks 70%: dilanggar").And.Contain("Butuh Perbaikan + Kurang minimal satu: dilanggar");
        (await page.Locator("#distribution-table").InnerTextAsync()).Should().Contain("Sangat Baik\t1\t25%").And.Contain("Baik\t3\t75%");
        await Assertions.Expect(page.Locator("#distribution-h + *")).Not.ToContainTextAsync("403");
        (await page.InnerTextAsync("main")).Should().Contain("Sekolah penggerak").And.Contain(app.Guru);
        await Shoot(page, "unit-distribution");
        await NoSeriousAccessibilityFindings(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        (await chart.TextContentAsync()).Should().Contain("Baik max 70%: breached");
        await Shoot(page, "unit-distribution-en");
    }

    [Fact]
    public async Task A_supervisor_signed_in_to_the_console_is_shown_no_audit_record_as_the_API_would_refuse_it()
    {
        var page = await SignedIn(Roles.Supervisor);
        await page.GotoAsync($"{app.BaseUrl}/console/employees/{app.Guru}");
        (await page.Locator("#timeline").CountAsync()).Should().Be(0);
        (await page.InnerTextAsync("main")).Should().Contain("Tidak tersedia untuk peran Anda").And.NotContain("evaluation_submitted");

        await page.GotoAsync($"{app.BaseUrl}/console/cycles/{app.Cycle}/units/{app.School}");
        (await page.Locator("svg.chart").CountAsync()).Should().Be(0, "the distribution is for hr-admin, auditors and the unit's own head or opd-admin, as the API scopes it");
        var csv = await page.APIRequest.GetAsync($"{app.BaseUrl}/console/employees/{app.Guru}/history.csv");
        csv.Status.Should().Be(403);
    }

    [Fact]
    public async Task The_sign_in_page_and_the_home_page_pass_the_accessibility_check()
    {
        var page = await app.NewPage();
        await page.GotoAsync($"{app.BaseUrl}/console");
        await page.WaitForURLAsync("**/console/sign-in**");
        await Shoot(page, "sign-in");
        await NoSeriousAccessibilityFindings(page);
        await SignIn(page, Roles.HrAdmin);
        await Shoot(page, "home");
        await NoSeriousAccessibilityFindings(page);
    }

    private async Task<IPage> SignedIn(string role)
    {
        var page = await app.NewPage();
        await page.GotoAsync($"{app.BaseUrl}/console");
        await SignIn(page, role);
        return page;
    }

    private static async Task SignIn(IPage page, string role)
    {
        await page.GetByLabel("Peran").SelectOptionAsync(role);
        await page.GetByLabel("Nama").FillAsync(role == Roles.Auditor ? "Inspektorat Kota Ambon" : $"{role} konsol");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page.Locator("header .who")).ToContainTextAsync(role);
    }

    private static async Task NoSeriousAccessibilityFindings(IPage page)
    {
        var result = await page.RunAxe();
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")
            .Should().BeEmpty($"axe-core on {page.Url}");
    }

    private static async Task Shoot(IPage page, string name)
    {
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
    }
}
