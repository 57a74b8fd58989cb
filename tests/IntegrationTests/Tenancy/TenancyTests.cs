using System.Net;
using System.Net.Http.Json;
using Kinerja.Api.Http;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles.GettingCycle;
using Kinerja.Application.Units.GettingUnits;
using Kinerja.Domain.Cycles;
using Kinerja.Infrastructure.Audit;
using Kinerja.Infrastructure.Tenancy;
using Kinerja.IntegrationTests.Harness;
using Marten.Events;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Kinerja.IntegrationTests.Tenancy;

/// <summary>
/// Two instansi on one service (docs/decisions/145): the default one in the main database, and one the <c>tenants add</c> verb
/// created, as an operator would, in a database of its own before the service started.
/// </summary>
public sealed class TwoInstansi : IAsyncLifetime
{
    public const string A = "kota-ambon";

    public string B { get; } = "kab-" + Guid.NewGuid().ToString("N")[..8];

    public string BDatabase => "kinerja_" + B.Replace('-', '_');

    /// <summary>In Development, where the console's sign-in form exists and the container checks every scoped service's lifetime.</summary>
    public DevelopmentApp App { get; }

    /// <summary>Where every digest is also archived, outside the database: a file per instansi.</summary>
    public string Archive { get; } = Path.Combine(Path.GetTempPath(), "kinerja-digests-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The node's name in its main connection string, as scripts/two-nodes.sh names its nodes.</summary>
    public const string NodeName = "kinerja-node-tests";

    public TwoInstansi() =>
        App = new()
        {
            ConnectionString = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { ApplicationName = NodeName }.ConnectionString,
            Settings = new Dictionary<string, string> { ["Kinerja:Tenancy:Enabled"] = "true", [DigestArchive.Setting] = Archive },
        };

    public sealed class DevelopmentApp : KinerjaApp
    {
        protected override void Customize(IWebHostBuilder builder) => builder.UseEnvironment("Development");
    }

    /// <summary>A browser-like client signed in to the console through its development form, with the instansi it typed.</summary>
    public async Task<HttpClient> ConsoleSignedIn(string role, string? instansiId)
    {
        var browser = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = App.ClientOptions.BaseAddress };
        var form = await browser.GetStringAsync("/console/sign-in");
        var antiforgery = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new Dictionary<string, string> { ["role"] = role, ["name"] = "inspektorat", ["__RequestVerificationToken"] = antiforgery };
        if (instansiId is not null)
        {
            fields["instansi"] = instansiId;
        }

        (await browser.PostAsync("/console/sign-in", new FormUrlEncodedContent(fields))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return browser;
    }

    public string ListedByTheVerb { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var (added, addOut, addErr) = await Verb("tenants", "add", B);
        added.Should().Be(0, addOut + addErr);
        var (listed, listOut, listErr) = await Verb("tenants", "list");
        listed.Should().Be(0, listErr);
        ListedByTheVerb = listOut;
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await TestDatabase.Execute($"drop database if exists \"{BDatabase}\" with (force)");
        if (Directory.Exists(Archive))
        {
            Directory.Delete(Archive, recursive: true);
        }
    }

    public HttpClient Of(string instansi, string role = "hr-admin") => App.As(role, instansi: instansi);

    /// <summary>Events stored in an instansi's database that mention <paramref name="text"/> (a NIP, a unit code).</summary>
    public async Task<long> EventsMentioning(string instansi, string text)
    {
        var database = instansi == A ? TestDatabase.ConnectionString : new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Database = BDatabase }.ConnectionString;
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {App.Schema}.mt_events where data::text like '%' || $1 || '%'", connection)
        {
            Parameters = { new() { Value = text } },
        };
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<long> AllEvents(string instansi) => await EventsMentioning(instansi, "");

    /// <summary>The service's own binary, as an operator runs an admin verb, against this fixture's server and schema.</summary>
    public Task<(int Exit, string Out, string Err)> Verb(params string[] args) =>
        ServiceProcess.Run(App.Schema, new Dictionary<string, string>(Tenancy) { ["Kinerja__Audit__DigestDirectory"] = Archive }, args);

    public static readonly IReadOnlyDictionary<string, string> Tenancy = new Dictionary<string, string> { ["Kinerja__Tenancy__Enabled"] = "true" };
}

public sealed class TenancyTests(TwoInstansi instansi) : IClassFixture<TwoInstansi>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void The_verb_lists_both_instansi_with_their_databases()
    {
        instansi.ListedByTheVerb.Should().Contain(TwoInstansi.A).And.Contain(instansi.B).And.Contain(instansi.BDatabase);
    }

    [Fact]
    public async Task An_instansi_whose_database_cannot_take_the_schema_is_not_recorded()
    {
        var id = "kab-" + Guid.NewGuid().ToString("N")[..8];
        var missing = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Database = "kinerja_missing_" + Guid.NewGuid().ToString("N")[..8] };

        var (added, _, addErr) = await instansi.Verb("tenants", "add", id, "--connection", missing.ConnectionString);

        added.Should().Be(1, addErr);
        addErr.Should().Contain("nothing recorded");
        var (listed, listOut, listErr) = await instansi.Verb("tenants", "list");
        listed.Should().Be(0, listErr);
        listOut.Should().Contain(instansi.B).And.NotContain(id, "a failure leaves no instansi half added");
    }

    [Fact]
    public async Task Data_written_for_one_instansi_is_invisible_to_the_other()
    {
        var a = instansi.Of(TwoInstansi.A);
        var b = instansi.Of(instansi.B);
        // The same unit code in both: two registries, not one.
        var unit = "U" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await a.Unit(unit);
        await b.Unit(unit);
        var superior = await a.Employee(unit);
        var inA = await a.Employee(unit, supervisorNip: superior);
        var inB = await b.Employee(unit);

        (await b.GetAsync(Routes.Employees.One(inA))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await a.GetAsync(Routes.Employees.One(inB))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await a.GetAsync(Routes.Employees.One(inA))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await b.GetAsync(Routes.Employees.One(inB))).StatusCode.Should().Be(HttpStatusCode.OK);

        // Appraisals: a cycle and an appraisal of A's employee exist for A only.
        var cycle = await a.StartedCycle(new DateOnly(2027, 1, 1), new DateOnly(2027, 6, 30), [unit]);
        await a.Open(cycle, inA);
        (await b.GetAsync(Routes.Cycles.One(cycle))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await a.GetAsync(Routes.Cycles.One(cycle))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await b.GetAsync(Routes.Cycles.Appraisals(cycle))).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // Scheduled work: B's cycle whose period has ended is moved into evaluation by the message kept in B's database.
        var ended = await b.StartedCycle(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), [unit]);
        (await b.Eventually<CycleDetails>(Routes.Cycles.One(ended), c => c.Phase == CyclePhase.Evaluation, Patience)).Phase.Should().Be(CyclePhase.Evaluation);
        (await a.GetAsync(Routes.Cycles.One(ended))).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // The audit view and its hash chains: A's employee is verified in A and unknown in B.
        (await instansi.Of(TwoInstansi.A, Roles.Auditor).GetAsync(Routes.Audit.Verification(inA))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await instansi.Of(instansi.B, Roles.Auditor).GetAsync(Routes.Audit.Verification(inA))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await b.GetAsync(Routes.Audit.History(inA))).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // Each database holds its own events only.
        (await instansi.EventsMentioning(TwoInstansi.A, inA)).Should().BePositive();
        (await instansi.EventsMentioning(instansi.B, inA)).Should().Be(0);
        (await instansi.EventsMentioning(instansi.B, inB)).Should().BePositive();
        (await instansi.EventsMentioning(TwoInstansi.A, inB)).Should().Be(0);

        // The feed, written by each database's own daemon: each instansi's portal sees its own registrations only.
        var feedA = new FeedConsumer(instansi.Of(TwoInstansi.A, "portal"));
        var feedB = new FeedConsumer(instansi.Of(instansi.B, "portal"));
        await feedA.ReadUntil(items => items.Any(i => i.ToJsonString().Contains(inA, StringComparison.Ordinal)), Patience);
        await feedB.ReadUntil(items => items.Any(i => i.ToJsonString().Contains(inB, StringComparison.Ordinal)), Patience);
        feedA.Items.Should().NotContain(i => i.ToJsonString().Contains(inB, StringComparison.Ordinal));
        feedB.Items.Should().NotContain(i => i.ToJsonString().Contains(inA, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_of_one_instansi_can_neither_read_nor_write_the_others_records_and_appends_nothing()
    {
        var a = instansi.Of(TwoInstansi.A);
        var b = instansi.Of(instansi.B);
        var unit = await b.NewUnit();
        var inB = await b.Employee(unit);
        // A unit of the same code in A, so that A's refusal can only be about the employee it does not have.
        var sameCode = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await a.Unit("A" + sameCode);
        await b.Unit("A" + sameCode);
        var eventsA = await instansi.AllEvents(TwoInstansi.A);
        var eventsB = await instansi.AllEvents(instansi.B);

        (await a.GetAsync(Routes.Employees.One(inB))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await a.GetAsync(Routes.Units.One(unit))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await a.Post(Routes.Employees.Transfers(inB), Given.TransferBody("A" + sameCode))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await a.Post(Routes.Units.Renaming(unit), new { name = "Taken over" })).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await instansi.AllEvents(TwoInstansi.A)).Should().Be(eventsA);
        (await instansi.AllEvents(instansi.B)).Should().Be(eventsB);
        (await b.Read<UnitNode>(Routes.Units.One(unit))).Name.Should().Be("Unit " + unit);
    }

    [Fact]
    public async Task A_token_naming_an_unknown_instansi_or_none_is_refused_before_anything_is_read_or_appended()
    {
        var eventsA = await instansi.AllEvents(TwoInstansi.A);
        var eventsB = await instansi.AllEvents(instansi.B);
        var unknown = instansi.Of("kab-tidak-ada");
        var none = instansi.App.As("hr-admin");

        await (await unknown.GetAsync(Routes.Units.All)).ShouldBeProblem(HttpStatusCode.Forbidden, "tenant-unknown");
        await (await unknown.PostAsJsonAsync(Routes.Units.All, new { code = "UX", name = "Unit X" })).ShouldBeProblem(HttpStatusCode.Forbidden, "tenant-unknown");
        await (await instansi.Of("Not An Id!").GetAsync(Routes.Units.All)).ShouldBeProblem(HttpStatusCode.Forbidden, "tenant-unknown");
        await (await none.GetAsync(Routes.Units.All)).ShouldBeProblem(HttpStatusCode.Forbidden, "tenant-required");
        await (await none.PostAsJsonAsync(Routes.Units.All, new { code = "UY", name = "Unit Y" })).ShouldBeProblem(HttpStatusCode.Forbidden, "tenant-required");

        (await instansi.AllEvents(TwoInstansi.A)).Should().Be(eventsA);
        (await instansi.AllEvents(instansi.B)).Should().Be(eventsB);
    }

    [Fact]
    public async Task Each_instansi_s_webhook_subscription_gets_that_instansi_s_events_only()
    {
        var a = instansi.Of(TwoInstansi.A);
        var b = instansi.Of(instansi.B);
        await using var receiverA = await WebhookReceiver.Start();
        await using var receiverB = await WebhookReceiver.Start();
        var subscriptionA = await instansi.Of(TwoInstansi.A, "portal").Subscribe(receiverA, await a.FeedHead());
        var subscriptionB = await instansi.Of(instansi.B, "portal").Subscribe(receiverB, await b.FeedHead());

        var unit = "U" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await a.Unit(unit);
        await b.Unit(unit);
        var inA = await a.Employee(unit);
        var inB = await b.Employee(unit);

        await Eventually.Holds(() => receiverA.Received.Any(d => d.Body.Contains(inA, StringComparison.Ordinal))
            && receiverB.Received.Any(d => d.Body.Contains(inB, StringComparison.Ordinal)), Patience,
            () => $"A received {receiverA.Received.Count}, B {receiverB.Received.Count}");
        receiverA.Received.Should().OnlyContain(d => d.Subscription == subscriptionA && !d.Body.Contains(inB, StringComparison.Ordinal));
        receiverB.Received.Should().OnlyContain(d => d.Subscription == subscriptionB && !d.Body.Contains(inA, StringComparison.Ordinal));
        // Each instansi knows only its own subscription.
        (await instansi.Of(instansi.B, "portal").GetAsync($"{Routes.WebhookSubscriptions.All}/{subscriptionA}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_console_shows_the_signed_in_instansi_s_employees_only()
    {
        var unit = await instansi.Of(instansi.B).NewUnit();
        var inB = await instansi.Of(instansi.B).Employee(unit);
        var ofB = await instansi.ConsoleSignedIn("auditor", instansi.B);
        var ofA = await instansi.ConsoleSignedIn("auditor", TwoInstansi.A);
        var ofNone = await instansi.ConsoleSignedIn("auditor", null);

        var page = await ofB.GetAsync($"/console/employees/{inB}");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("Pegawai " + inB[^4..]);
        var elsewhere = await ofA.GetAsync($"/console/employees/{inB}");
        elsewhere.StatusCode.Should().BeOneOf([HttpStatusCode.OK, HttpStatusCode.NotFound], "the page was served, for A's instansi");
        (await elsewhere.Content.ReadAsStringAsync()).Should().NotContain("Pegawai " + inB[^4..]);
        await (await ofNone.GetAsync($"/console/employees/{inB}")).ShouldBeProblem(HttpStatusCode.Forbidden, "tenant-required");
    }

    [Fact]
    public async Task Each_instansi_records_its_own_daily_digest()
    {
        foreach (var id in new[] { TwoInstansi.A, instansi.B })
        {
            var client = instansi.Of(id, "auditor");
            await Eventually.Holds(async () => (await client.GetStringAsync(Routes.Audit.Digests)).Contains("daily-", StringComparison.Ordinal),
                Patience, () => $"{id} has no daily digest");
        }
    }

    [Fact]
    public async Task Admin_verbs_work_in_the_instansi_they_name_and_are_refused_without_one_or_with_an_unknown_one()
    {
        var b = instansi.Of(instansi.B);
        var inB = await b.Employee(await b.NewUnit());

        var (none, _, noneErr) = await instansi.Verb("verify-chains");
        none.Should().Be(2);
        noneErr.Should().Contain("tenant-required").And.Contain("--instansi");
        var (unknown, _, unknownErr) = await instansi.Verb("trial-rebuild", "--all", "--instansi", "kab-tidak-ada");
        unknown.Should().Be(2);
        unknownErr.Should().Contain("tenant-unknown");

        // B's chains: the digest verify-chains records is B's, listed by B's audit view and not by A's.
        var (verified, verifiedOut, verifiedErr) = await instansi.Verb("verify-chains", "--instansi", instansi.B);
        verified.Should().Be(0, verifiedOut + verifiedErr);
        var digestId = Regex.Match(verifiedOut, @"digest (\S+) over (\d+) stream heads").Groups[1].Value;
        digestId.Should().NotBeEmpty(verifiedOut);
        (await instansi.Of(instansi.B, "auditor").GetStringAsync(Routes.Audit.Digests)).Should().Contain(digestId);
        (await instansi.Of(TwoInstansi.A, "auditor").GetStringAsync(Routes.Audit.Digests)).Should().NotContain(digestId);

        // Archived in B's own file, which verify-digest --archive checks against B's chains.
        File.ReadAllText(Path.Combine(instansi.Archive, $"digests-{instansi.B}.jsonl")).Should().Contain(digestId);
        var defaultFile = Path.Combine(instansi.Archive, DigestArchive.FileName);
        (File.Exists(defaultFile) ? File.ReadAllText(defaultFile) : "").Should().NotContain(digestId);
        var (archive, archiveOut, archiveErr) = await instansi.Verb("verify-digest", "--archive", "--instansi", instansi.B);
        archive.Should().Be(0, archiveOut + archiveErr);
        archiveOut.Should().Contain("UNCHANGED");

        // B's read models rebuilt from B's events: the employee registered in B is among the documents compared, and nothing differs
        // (the async projections' live documents first caught up with these events).
        await instansi.App.Store.WaitForNonStaleProjectionDataAsync(Patience);
        var (trial, trialOut, trialErr) = await instansi.Verb("trial-rebuild", "--all", "--instansi", instansi.B);
        trial.Should().Be(0, trialOut + trialErr);
        trialOut.Should().MatchRegex(@"[1-9]\d* documents compared, 0 differences");
        (await b.GetAsync(Routes.Employees.One(inB))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_instansi_s_database_prepares_statements_as_the_main_database_does()
    {
        foreach (var id in new[] { TwoInstansi.A, instansi.B })
        {
            await using var connection = await TenantDatabases.Connection(instansi.App.Store, id);
            await connection.OpenAsync();
            new NpgsqlConnectionStringBuilder(connection.ConnectionString).MaxAutoPrepare.Should().Be(Kinerja.Infrastructure.DependencyInjection.DefaultMaxAutoPrepare, id);
            await using var plan = new NpgsqlCommand("show plan_cache_mode", connection);
            ((string)(await plan.ExecuteScalarAsync())!).Should().Be("force_custom_plan", id);
        }
    }

    /// <summary>
    /// A schema script is run against one database, and with tenancy each instansi has its own (decision 158): <c>--instansi</c> names
    /// it, as for the other admin verbs, and the script covers Marten's and Wolverine's tables there, each once.
    /// </summary>
    [Fact]
    public async Task Schema_scripts_are_written_for_the_instansi_they_name()
    {
        var dir = Directory.CreateTempSubdirectory("kinerja-scripts-").FullName;
        try
        {
            var (none, _, noneErr) = await instansi.Verb("db-dump", Path.Combine(dir, "none.sql"));
            none.Should().Be(2);
            noneErr.Should().Contain("tenant-required");

            foreach (var id in new[] { TwoInstansi.A, instansi.B })
            {
                var file = Path.Combine(dir, $"dump-{id}.sql");
                var (dumped, dumpOut, dumpErr) = await instansi.Verb("db-dump", file, "--instansi", id);
                dumped.Should().Be(0, dumpOut + dumpErr);
                var dump = await File.ReadAllTextAsync(file);
                foreach (var table in new[] { "mt_events", "mt_doc_importrun", "wolverine_incoming_envelopes" })
                {
                    Regex.Matches(dump, $@"create table[^(;]*\b{instansi.App.Schema}\.{table}\b", RegexOptions.IgnoreCase).Count.Should().Be(1, $"{id}'s dump creates {table} once");
                }
            }

            // B's database loses a table: B's patch puts it back, A's has nothing to do.
            var bDatabase = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Database = instansi.BDatabase }.ConnectionString;
            await using (var b = new NpgsqlConnection(bDatabase))
            {
                await b.OpenAsync();
                await using var drop = new NpgsqlCommand($"drop table {instansi.App.Schema}.mt_doc_importrun", b);
                await drop.ExecuteNonQueryAsync();
            }

            var patch = Path.Combine(dir, "patch-b.sql");
            var (patched, patchOut, patchErr) = await instansi.Verb("db-patch", patch, "--instansi", instansi.B);
            patched.Should().Be(0, patchOut + patchErr);
            (await File.ReadAllTextAsync(patch)).Should().Contain($"{instansi.App.Schema}.mt_doc_importrun");
            var (patchedA, patchAOut, patchAErr) = await instansi.Verb("db-patch", Path.Combine(dir, "patch-a.sql"), "--instansi", TwoInstansi.A);
            patchedA.Should().Be(0, patchAOut + patchAErr);
            patchAOut.Should().Contain("nothing to patch");

            await using (var b = new NpgsqlConnection(bDatabase))
            {
                await b.OpenAsync();
                await using var apply = new NpgsqlCommand(await File.ReadAllTextAsync(patch), b);
                await apply.ExecuteNonQueryAsync();
            }

            var (again, againOut, againErr) = await instansi.Verb("db-patch", patch, "--instansi", instansi.B);
            again.Should().Be(0, againOut + againErr);
            againOut.Should().Contain("nothing to patch", "the patch made B's database whole again");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// The tenant table holds one connection string per instansi for every node; the node's name comes from its own main connection
    /// string (decision 158), so PostgreSQL shows which node holds an instansi's daemon lock (scripts/two-nodes.sh --tenancy).
    /// </summary>
    [Fact]
    public async Task Every_connection_to_an_instansi_s_database_carries_the_node_s_name()
    {
        foreach (var id in new[] { TwoInstansi.A, instansi.B })
        {
            await using var connection = await TenantDatabases.Connection(instansi.App.Store, id);
            await connection.OpenAsync();
            await using var name = new NpgsqlCommand("select current_setting('application_name')", connection);
            ((string)(await name.ExecuteScalarAsync())!).Should().Be(TwoInstansi.NodeName, id);
        }

        var daemonLock = ((Marten.StoreOptions)instansi.App.Store.Options).Projections.DaemonLockId;
        await Eventually.Holds(async () => (long)(await TestDatabase.Scalar(
                $"select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and l.granted and l.objsubid = 1 and l.objid = {daemonLock} and a.datname = '{instansi.BDatabase}' and a.application_name = '{TwoInstansi.NodeName}'"))! == 1,
            Patience, () => $"no connection named {TwoInstansi.NodeName} holds the daemon's lock in {instansi.BDatabase}");
    }
}

/// <summary>Without tenancy the service serves one instansi, the default: tokens without the claim work as before, others are refused.</summary>
public sealed class SingleInstansiTests(SingleInstansiTests.App app) : IClassFixture<SingleInstansiTests.App>
{
    public sealed class App : KinerjaApp;

    [Fact]
    public async Task A_token_naming_another_instansi_is_refused_and_the_default_or_none_is_served()
    {
        var events = await app.EventCount();
        await (await app.As("hr-admin", instansi: "kab-lain").PostAsJsonAsync(Routes.Units.All, new { code = "UZ", name = "Unit Z" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "tenant-unknown");
        (await app.EventCount()).Should().Be(events);

        (await app.As("hr-admin").GetAsync(Routes.Units.All)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.As("hr-admin", instansi: TwoInstansi.A).GetAsync(Routes.Units.All)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
