using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Kinerja.WriteFloor;
using Marten;

// The floor of the write benchmark (scripts/benchmark.sh --writes): one route that does what every command on
// an event-sourced stream must do at least (fetch for writing through an inline snapshot, append one event,
// save) with nothing of Kinerja around it: no authentication, validation, mediator, registry lookups or
// metadata. Its own schema of the benchmark's database; streams are created first through POST /streams.
// The fetch is exclusive (the stream's row locked until the commit), as for Kinerja's public feedback: with
// 8 connections on a thousand streams, the optimistic FetchForWriting answered some requests with a
// concurrency failure, and a floor whose requests fail measures nothing.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connectionString = builder.Configuration.GetConnectionString("Floor")
    ?? throw new InvalidOperationException("ConnectionStrings:Floor is not set.");
var schema = builder.Configuration["Floor:Schema"] ?? "writefloor";
builder.Services.AddMarten(opts =>
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = schema;
        opts.Events.DatabaseSchemaName = schema;
        opts.Events.AddEventType<PublicFeedbackReceived>();
        opts.Projections.Add<TallyProjection>(ProjectionLifecycle.Inline);
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
    })
    .UseLightweightSessions();

var app = builder.Build();
await app.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();

app.MapGet("/health", () => "ok");

// Creates N streams with one event each and answers their ids, one a line (the benchmark's Lua script picks from them).
app.MapPost("/streams", async (int count, IDocumentStore store, CancellationToken ct) =>
{
    var ids = new List<Guid>(count);
    for (var done = 0; done < count; done += 500)
    {
        await using var session = store.LightweightSession();
        for (var i = done; i < Math.Min(count, done + 500); i++)
        {
            var id = Guid.CreateVersion7();
            session.Events.StartStream<Tally>(id, Feedback.Received(id, $"seed-{i}", new FeedbackBody(null, "Citizen", Feedback.SampleScores, null)));
            ids.Add(id);
        }

        await session.SaveChangesAsync(ct);
    }

    return Results.Text(string.Join('\n', ids) + "\n");
});

app.MapPost("/streams/{id:guid}/events", async (Guid id, FeedbackBody body, IDocumentSession session, CancellationToken ct) =>
{
    var stream = await session.Events.FetchForExclusiveWriting<Tally>(id, ct);
    if (stream.Aggregate is null)
    {
        return Results.NotFound();
    }

    stream.AppendOne(Feedback.Received(id, body.SubmissionId ?? Guid.NewGuid().ToString(), body));
    await session.SaveChangesAsync(ct);
    return Results.Ok(new { body.SubmissionId, Version = stream.CurrentVersion + 1 });
});

app.Run();
