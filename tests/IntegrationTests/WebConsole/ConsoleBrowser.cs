using System.Net;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Domain.Cycles;
using Kinerja.IntegrationTests.Harness;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace Kinerja.IntegrationTests.WebConsole;

/// <summary>
/// The service in Development (where the console's role-picking sign-in exists) on a real socket, one headless Chromium for the whole
/// class, and a school whose month was evaluated after it ended: four guru, one Sangat Baik and three Baik against the unit's result
/// Baik (two breaches of the guidance), each evaluation recorded weeks after the period's last day (the database's clock is past the
/// fake clock's period end), so back-dated; the first guru's realisation is dated on the period's first day.
/// </summary>
public sealed class ConsoleBrowser : ClockedApp, IAsyncLifetime
{
    /// <summary>Without these Chromium reaches for Google's services, and connections out of this closed network are refused.</summary>
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly string _profile = Path.Combine(Path.GetTempPath(), "kinerja-chromium-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    /// <summary>Chromium on a fresh profile (<c>--user-data-dir</c>); each test starts from <see cref="NewPage"/>, without the last one's cookies.</summary>
    public IBrowserContext Browser { get; private set; } = null!;

    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    public string School { get; private set; } = "";

    public string Guru { get; private set; } = "";

    public Guid Cycle { get; private set; }

    protected override void Customize(IWebHostBuilder builder)
    {
        base.Customize(builder);
        builder.UseEnvironment("Development");
    }

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Seed();
        _playwright = await Playwright.CreateAsync();
        Directory.CreateDirectory(_profile);
        // A fresh profile per run: nothing from an earlier run (cookies, a crashed session) is carried over.
        Browser = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = Flags,
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "id-ID",
            TimezoneId = "Asia/Jayapura",
        });
    }

    public new async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        Directory.Delete(_profile, recursive: true);
        await base.DisposeAsync();
    }

    /// <summary>A new tab at 1366×768 (the laptop the console is made for), signed out and in Indonesian.</summary>
    public async Task<IPage> NewPage()
    {
        await Browser.ClearCookiesAsync();
        foreach (var open in Browser.Pages.ToList())
        {
            await open.CloseAsync();
        }

        return await Browser.NewPageAsync();
    }

    private async Task Seed()
    {
        var admin = As(Roles.HrAdmin);
        var (school, kepalaDinas, kepalaSekolah, guru) = await admin.School();
        var teachers = new List<string> { guru };
        for (var i = 0; i < 3; i++)
        {
            teachers.Add(await admin.Employee(school, supervisorNip: kepalaSekolah));
        }

        var (start, end) = CycleRules.PeriodOf(CycleKind.Monthly, Today);
        var cycle = await admin.StartedCycle(start, end, [school], kind: "Monthly");
        var rater = As(Roles.Supervisor, kepalaSekolah);
        var approver = As(Roles.Supervisor, kepalaDinas);
        foreach (var nip in teachers)
        {
            await admin.Open(cycle, nip);
            await As(Roles.Employee, nip).AgreedPlan(rater, Routes.Appraisals.One(cycle, nip));
        }

        // Recorded today (the database's clock) for work done on the period's first day: back-dated in the timeline.
        (await As(Roles.Employee, guru).Post($"{Routes.Appraisals.One(cycle, guru)}/realisations", new
            {
                indicatorKey = "R1.1", value = 12, achievedOn = start.ToString("yyyy-MM-dd"),
                evidence = new { link = "https://drive.ambon.go.id/rpp.pdf", description = "RPP semester ganjil" },
            }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        (await admin.Post(Routes.Cycles.Evaluation(cycle), new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.Post($"{Routes.Cycles.Unit(cycle, school)}/result", new { result = "Baik" }, headers: ("X-Reason", "Atas nama Kepala Dinas, nota dinas 7/2026")))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        for (var i = 0; i < teachers.Count; i++)
        {
            var appraisal = Routes.Appraisals.One(cycle, teachers[i]);
            var rating = i == 0 ? "DiAtasEkspektasi" : "SesuaiEkspektasi";
            (await rater.Post($"{appraisal}/evaluation", new
                {
                    results = rating, behaviour = rating, justification = "Sesuai capaian SKP", unrealisedJustification = "Dinilai dari supervisi kelas",
                }))
                .StatusCode.Should().Be(HttpStatusCode.OK);
            (await approver.Post($"{appraisal}/evaluation/approval", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await admin.Post($"{Routes.Cycles.Unit(cycle, school)}/distribution/justification", new { justification = "Sekolah penggerak: capaian guru di atas rata-rata kota" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (School, Guru, Cycle) = (school, guru, cycle);
    }
}
