using JasperFx;
using Kinerja.Application.Audit;
using Kinerja.Application.Appraisals;
using JasperFx.Events.Daemon;
using Kinerja.Application.Common;
using Kinerja.Application.Cycles;
using Kinerja.Application.Employees;
using Kinerja.Application.Training;
using Kinerja.Application.Units;
using Kinerja.Domain.Evaluations;
using Kinerja.Infrastructure.Audit;
using Kinerja.Infrastructure.Appraisals;
using Kinerja.Infrastructure.Common;
using Kinerja.Infrastructure.Cycles;
using Kinerja.Infrastructure.Employees;
using Kinerja.Infrastructure.Training;
using Kinerja.Infrastructure.Integration;
using Kinerja.Infrastructure.Units;
using Kinerja.Infrastructure.Tenancy;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Weasel.Core;
using Wolverine;
using Wolverine.Marten;

namespace Kinerja.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Kinerja";

    /// <summary>
    /// Whether starting creates or updates the schema (Marten's and Wolverine's tables). True in Development and
    /// in the tests; false otherwise (appsettings.json): a production service does not change its schema on start,
    /// the deployment runs <c>db-apply</c> first (docs/decisions/069).
    /// </summary>
    public const string ApplySchemaOnStartSetting = "Kinerja:ApplySchemaOnStart";

    /// <param name="writingGeneratedCode">true only for <c>codegen write</c>: handlers are discovered afresh instead of loaded pre-generated.</param>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, bool writingGeneratedCode = false)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set. Start the service with scripts/run.sh, which provisions a local PostgreSQL, or set ConnectionStrings__{ConnectionStringName}.");
        var maxAutoPrepare = configuration.GetValue(MaxAutoPrepareSetting, DefaultMaxAutoPrepare);
        connectionString = WithStatementPreparation(connectionString, maxAutoPrepare);
        Func<string, string> databases = instansi => OfThisNode(WithStatementPreparation(instansi, maxAutoPrepare), connectionString);
        var schema = configuration["Kinerja:Schema"] ?? "kinerja";
        var scoring = configuration.GetSection("Kinerja:Scoring").Get<ScoringSettings>() ?? new ScoringSettings();
        var weights = scoring.Weights();

        var chainKey = ChainKey.From(configuration);
        services.AddSingleton(chainKey);
        services.AddScoped(sp => DigestArchive.From(configuration, sp));
        services.AddScoped<ChainResealer>();

        var applySchemaOnStart = configuration.GetValue(ApplySchemaOnStartSetting, false);
        var leadershipPolling = NodeSettings.From(configuration);
        var tenancy = Tenancy.TenancySetup.Read(configuration);
        var marten = services.AddMarten(opts =>
            {
                ConfigureStore(opts, connectionString, schema, weights, chainKey, databases);
                ConfigureDaemonLeadership(opts, leadershipPolling);
                Tenancy.TenancySetup.ConfigureStore(opts, tenancy, connectionString, schema);
            })
            .UseLightweightSessions();

        // Several nodes may share the database: each projection and the feed run on one node at a time, with failover (docs/decisions/140).
        marten.IntegrateWithWolverine(w =>
            {
                w.MessageStorageSchemaName = schema;
                Tenancy.TenancySetup.ConfigureWolverine(w, tenancy, connectionString);
            })
            .AddAsyncDaemon(DaemonMode.HotCold)
            .AddIntegrationFeed();

        services.AddWolverine(opts =>
        {
            GeneratedCode.Configure(opts, writingGeneratedCode);
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableLocalQueues();
            opts.Discovery.IncludeAssembly(typeof(DependencyInjection).Assembly);
            ConfigureDurability(opts.Durability, configuration.GetSection("Kinerja:Messaging"));
            FeedStore.Configure(opts);
            if (!applySchemaOnStart)
            {
                // Only check that the message tables exist (db-apply made them), not diff them against the configuration.
                opts.AutoBuildMessageStorageOnStartup = AutoCreate.None;
            }
        });
        services.AddValidatedSettings<NodeSettings>(configuration, NodeSettings.Section, NodeSettings.Broken);
        services.AddSingleton(sp => new NodeLeadership(connectionString, schema, sp.GetRequiredService<NodeSettings>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<NodeLeadership>>()));
        services.AddHostedService(sp => sp.GetRequiredService<NodeLeadership>());
        services.AddFeed(configuration, connectionString);
        services.AddTenantSessions(configuration);

        // One unit of work per scope: the port for the use cases, the class itself for adapters that enrol in its session (the outbox).
        services.AddScoped<MartenEventStore>();
        services.AddScoped<IEventStore>(sp => sp.GetRequiredService<MartenEventStore>());
        services.AddSingleton(weights);
        services.AddSingleton(new Tenancy.InstansiSchema((opts, tenantConnection) => ConfigureStore(opts, tenantConnection, schema, weights, chainKey, databases)));
        services.AddScoped<IUnitDirectory, MartenUnitDirectory>();
        services.AddScoped<IEmployeeDirectory, MartenEmployeeDirectory>();
        services.AddScoped<Application.Imports.IImportStore, Imports.MartenImportStore>();
        services.AddScoped<IAuditTrail, MartenAuditTrail>();
        services.AddScoped<IAuditEvidence, MartenAuditEvidence>();
        services.AddSingleton<Application.Documents.IDocumentRenderer, Documents.PdfDocumentRenderer>();
        services.AddScoped<Application.Audit.TryingReadModels.IReadModelTrial>(sp =>
            new MartenReadModelTrial(sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<TenantSessions>(),
                (opts, scratch, tenantConnection) => ConfigureStore(opts, tenantConnection ?? connectionString, scratch, weights, chainKey, databases)));
        services.AddValidatedSettings<Kinerja.Application.Audit.ListingLateEntries.AuditSettings>(configuration, "Kinerja:Audit", a =>
            a.LateAfterDays >= 0 ? [] : [$"LateAfterDays is {a.LateAfterDays}; it takes a whole number of days, 0 or more."]);
        // The daily digest can be switched off; a value that is not a boolean is left to the settings check above, which refuses the start.
        if (!bool.TryParse(configuration["Kinerja:Audit:DailyDigest"], out var dailyDigest) || dailyDigest)
        {
            services.AddHostedService<DailyDigest>();
        }

        services.AddValidatedSettings<RetentionSettings>(configuration, "Kinerja:Retention", RetentionSettings.Broken);
        services.AddHostedService<Retention>();

        services.AddScoped<ITrainingDirectory, MartenTrainingDirectory>();
        services.AddScoped<ICycleDirectory, MartenCycleDirectory>();
        services.AddScoped<ICycleScheduler, WolverineCycleScheduler>();
        services.AddScoped<IAppraisalDirectory, MartenAppraisalDirectory>();
        services.AddScoped<Application.FollowUps.IFollowUpDirectory, FollowUps.MartenFollowUpDirectory>();
        services.AddScoped<IAppraisalAddresses, MartenAppraisalAddresses>();
        services.AddScoped<Application.Appraisals.ReceivingPublicFeedback.IPublicFeedbackLookup, MartenPublicFeedbackLookup>();
        services.AddScoped<Application.Ranking.IRankingReader, Ranking.MartenRankingReader>();
        services.AddScoped<Application.Evaluations.IUnitEvaluationDirectory, Evaluations.MartenUnitEvaluationDirectory>();
        services.AddSingleton(weights);
        services.AddScoped<Application.Talent.IStrengthsEvidence, Talent.MartenStrengthsEvidence>();
        services.AddScoped<Application.Positions.IPositionDirectory, Positions.MartenPositionDirectory>();
        services.AddScoped<Application.Talent.ITalentDirectory, Talent.MartenTalentDirectory>();
        services.AddValidatedSettings<AppraisalSettings>(configuration, "Kinerja:Appraisals", a => a.MaxPublicFeedbackPerAppraisal > 0
            ? [] : [$"MaxPublicFeedbackPerAppraisal is {a.MaxPublicFeedbackPerAppraisal}; it takes a whole number above 0."]);
        services.AddValidatedSettings<Application.Evaluations.AwardSettings>(configuration, "Kinerja:Awards", a =>
        [
            .. a.TopShare is > 0 and <= 1 ? [] : new[] { $"TopShare is {a.TopShare}; it takes the share of a unit, more than 0 and at most 1 (0.2 is the best fifth)." },
            .. a.TopAtLeast >= 0 ? [] : new[] { $"TopAtLeast is {a.TopAtLeast}; it takes a whole number, 0 or more." },
        ]);
        services.AddValidatedSettings<Application.FollowUps.FollowUpSettings>(configuration, "Kinerja:FollowUps", f => f.DaysAfterClosing >= 0
            ? [] : [$"DaysAfterClosing is {f.DaysAfterClosing}; it takes a whole number of days, 0 or more."]);
        services.AddScoped<IIdempotencyStore, MartenIdempotencyStore>();
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgresql", tags: ["ready"]);
        if (applySchemaOnStart)
        {
            // First of the hosted services, as Marten's own apply on start is: the daemon, Wolverine and the jobs need the tables,
            // and Wolverine's start is told there whether to compare its message tables (docs/decisions/167).
            services.Insert(0, ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, SchemaOnStart>());
        }

        return services;
    }

    /// <summary>
    /// Npgsql prepares a statement on its second use on a connection and keeps it while the pooled connection lives, so
    /// the reads the portal repeats are parsed once, not on every request (docs/decisions/063). A connection string that
    /// sets Max Auto Prepare itself keeps its value.
    /// Every prepared statement is still planned for its actual parameters (<c>plan_cache_mode=force_custom_plan</c>):
    /// after five executions PostgreSQL may otherwise switch to one generic plan, and for the daemon's page of events
    /// (<c>seq_id</c> between two parameters, types in a third) the generic plan reads and sorts every later event on
    /// disk, 1.1 s a page instead of 8 ms. Which plan won depended on the first five pages, so rebuilds took anything
    /// from 20 to 60 s. A connection string that sets <c>plan_cache_mode</c> in its Options keeps that. Transactions that only read
    /// and write by key lift it for themselves (<c>set local</c>: the import, docs/decisions/163; an appraisal's writes, 164).
    /// The one rule for every database: the main connection string and each instansi's from the tenant table.
    /// </summary>
    /// <param name="maxAutoPrepare"><c>Kinerja:MaxAutoPrepare</c>: how many statements a connection keeps prepared when
    /// the connection string does not say; 0 turns auto-preparation off.</param>
    internal static string WithStatementPreparation(string connectionString, int maxAutoPrepare = DefaultMaxAutoPrepare)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        // An explicit "Max Auto Prepare=0" reads back as the default 0: only the absence of the keyword means "not chosen".
        if (!SetsKeyword(connectionString, "Max Auto Prepare") && maxAutoPrepare > 0)
        {
            builder.MaxAutoPrepare = maxAutoPrepare;
            builder.AutoPrepareMinUsages = 2;
        }

        if (builder.Options?.Contains("plan_cache_mode", StringComparison.Ordinal) != true)
        {
            builder.Options = $"{builder.Options} -c plan_cache_mode=force_custom_plan".Trim();
        }

        return builder.ConnectionString;
    }

    public const int DefaultMaxAutoPrepare = 200;

    /// <summary>
    /// A connection to an instansi's database named as the node names its main connections (<c>Application Name</c> of
    /// <c>ConnectionStrings:Kinerja</c>), whatever the tenant table's connection string says: the tenant table is one for every
    /// node, so only the node can tell PostgreSQL (pg_stat_activity, pg_locks) which node holds an instansi's daemon lock or
    /// runs its queries (docs/decisions/158). Without a name in the main connection string the instansi's own is kept.
    /// </summary>
    internal static string OfThisNode(string instansiConnectionString, string mainConnectionString)
    {
        if (new Npgsql.NpgsqlConnectionStringBuilder(mainConnectionString).ApplicationName is not { Length: > 0 } node)
        {
            return instansiConnectionString;
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(instansiConnectionString) { ApplicationName = node }.ConnectionString;
    }

    /// <summary>
    /// The admin verbs that apply the schema: <c>db-apply</c>, and <c>tenants add</c>, which applies it to the new instansi's database.
    /// A schema change may create a table filled from what the database already holds (decisions 166, 168, 169); on a province that
    /// one statement takes longer than Npgsql's 30 s command timeout, and the whole change is rolled back. These verbs therefore wait
    /// as long as the statement takes (<see cref="WithoutCommandTimeout"/>); the service's own commands keep the timeout.
    /// </summary>
    public static bool AppliesSchema(IReadOnlyList<string> args) => args is ["db-apply", ..] or ["tenants", "add", ..];

    /// <summary>The connection string with no command timeout, unless it sets one itself (then the operator's choice stands).</summary>
    public static string WithoutCommandTimeout(string connectionString) =>
        SetsKeyword(connectionString, "Command Timeout")
            ? connectionString
            : new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString;

    public const string MaxAutoPrepareSetting = "Kinerja:MaxAutoPrepare";

    private static bool SetsKeyword(string connectionString, string keyword)
    {
        var plain = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var compact = keyword.Replace(" ", "", StringComparison.Ordinal);
        return plain.Keys.Cast<string>().Any(k =>
            string.Equals(k.Replace(" ", "", StringComparison.Ordinal), compact, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The daemon's election among the nodes of one deployment (HotCold): each projection shard runs on the node holding its
    /// advisory lock (Marten numbers it from the schema and the shard's name, so the tests' schemas in one database never wait on
    /// each other's locks); a node asks for the shards nobody holds every <paramref name="polling"/>.
    /// </summary>
    private static void ConfigureDaemonLeadership(StoreOptions opts, TimeSpan polling) =>
        opts.Projections.LeadershipPollingTime = (int)polling.TotalMilliseconds;

    /// <summary>The store's whole configuration; the read-model trial builds a second store from it in a scratch schema.</summary>
    /// <param name="databases">The rule for every database the store opens, an instansi's from the tenant table too (decision 145):
    /// statement preparation as the main one (063) and the node's name (<see cref="OfThisNode"/>).</param>
    internal static void ConfigureStore(StoreOptions opts, string connectionString, string schema, ScoreWeights weights, ChainKey chainKey,
        Func<string, string> databases)
    {
        opts.Connection(databases(connectionString));
        opts.ConfigureNpgsqlDataSourceBuilder(b => b.ConnectionStringBuilder.ConnectionString = databases(b.ConnectionString));
        opts.DatabaseSchemaName = schema;
        opts.Events.DatabaseSchemaName = schema;
        var serializer = new Common.RowJsonSerializer(EnumStorage.AsString, Casing.CamelCase);
        serializer.Configure(json => json.Converters.Add(new Common.ActorJsonConverter()));
        opts.Serializer(serializer);
        opts.Events.MetadataConfig.EnableAll();
        opts.Events.MetadataConfig.UserNameEnabled = true;
        // Projections that read a few event types (the audit index, training, positions) find them through
        // an index on (type, seq_id) instead of reading past every other event (docs/decisions/063).
        opts.Events.EnableEventTypeIndex = true;
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        // Events are a stored contract: each module registers its event types by name, never by discovery.
        UnitStore.Configure(opts);
        EmployeeStore.Configure(opts);
        AuditStore.Configure(opts, chainKey);
        TrainingStore.Configure(opts);
        CycleStore.Configure(opts);
        AppraisalStore.Configure(opts, weights);
        FeedStore.Configure(opts);
        Evaluations.UnitEvaluationStore.Configure(opts);
        Talent.StrengthsStore.Configure(opts);
        Positions.PositionStore.Configure(opts);
        Talent.TalentStore.Configure(opts);
        FollowUps.FollowUpStore.Configure(opts);
        opts.Schema.For<Application.Imports.ImportRun>();
        Documents.IssuedDocumentStore.Configure(opts);
        opts.Schema.For<IdempotencyRecord>();
        opts.Schema.For<IdempotencyReceipt>();
        ReadModels.ProjectionRebuildTuning.Apply(opts.Projections.All);
    }

    /// <summary>
    /// Scheduled messages wait in the durable inbox and are polled for. Solo suits a single node (and
    /// starts its agents at once); several nodes need the default, Balanced.
    /// </summary>
    private static void ConfigureDurability(DurabilitySettings durability, IConfiguration messaging)
    {
        if (messaging.GetValue("Solo", false))
        {
            durability.Mode = DurabilityMode.Solo;
        }

        if (messaging.GetValue<double?>("ScheduledPollingSeconds") is { } seconds)
        {
            durability.ScheduledJobFirstExecution = TimeSpan.FromSeconds(seconds);
            durability.ScheduledJobPollingTime = TimeSpan.FromSeconds(seconds);
        }
    }
}
