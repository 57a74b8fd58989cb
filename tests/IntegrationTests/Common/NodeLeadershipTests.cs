using Kinerja.Infrastructure.Common;
using Kinerja.IntegrationTests.Harness;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kinerja.IntegrationTests.Common;

/// <summary>
/// Of several nodes on one schema exactly one runs the leader-only jobs; when it dies (its connection is gone) another takes
/// over, and a node whose connection was cut stops its jobs (docs/decisions/140). The two-node check with real processes and
/// SIGKILL is scripts/two-nodes.sh.
/// </summary>
public sealed class NodeLeadershipTests
{
    private static readonly NodeSettings Fast = new() { LeadershipPolling = TimeSpan.FromMilliseconds(200) };
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task One_node_of_a_schema_leads_another_takes_over_when_its_connection_dies_and_other_schemas_lead_apart()
    {
        var schema = KinerjaApp.NewSchema();
        var a = Node(schema, "a");
        var b = Node(schema, "b");
        var elsewhere = Node(KinerjaApp.NewSchema(), "c");
        await a.StartAsync(CancellationToken.None);
        await Eventually.Holds(() => a.IsLeader, Within, () => "the first node never led");
        await b.StartAsync(CancellationToken.None);
        await elsewhere.StartAsync(CancellationToken.None);
        var aLeading = await a.Leading(CancellationToken.None);

        await Eventually.Holds(() => elsewhere.IsLeader, Within, () => "a node of another schema waited on this schema's leader");
        await Task.Delay(Fast.LeadershipPolling * 5);
        b.IsLeader.Should().BeFalse("the first node still holds the leadership");

        // As a SIGKILL does: the leader's connection ends without the process saying goodbye.
        (await TestDatabase.Scalar("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = 'node-a leader'"))
            .Should().Be(1L);

        await Eventually.Holds(() => b.IsLeader, Within, () => "the second node did not take over");
        await Eventually.Holds(() => aLeading.IsCancellationRequested && !a.IsLeader, Within, () => "the cut-off node went on leading");
        await Task.Delay(Fast.LeadershipPolling * 5);
        a.IsLeader.Should().BeFalse("the second node holds the leadership now");

        foreach (var node in new[] { a, b, elsewhere })
        {
            await node.StopAsync(CancellationToken.None);
            node.Dispose();
        }
    }

    private static NodeLeadership Node(string schema, string name) =>
        new(new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { ApplicationName = $"node-{name}" }.ConnectionString,
            schema, Fast, NullLogger<NodeLeadership>.Instance);
}
