using Kinerja.Api.Http;
using Kinerja.UnitTests.Architecture;

namespace Kinerja.UnitTests.Api;

public sealed class AccessPolicyDocumentTests
{
    [Fact]
    public void The_access_policy_page_shows_the_enforced_table_line_for_line()
    {
        var page = File.ReadAllLines(Path.Combine(LayerTests.RepositoryRoot(), "docs", "access-policy.md"));

        page.Where(l => l.StartsWith("| GET ", StringComparison.Ordinal) || l.StartsWith("| POST ", StringComparison.Ordinal)
                || l.StartsWith("| DELETE ", StringComparison.Ordinal) || l.StartsWith("| PUT ", StringComparison.Ordinal) || l.StartsWith("| PATCH ", StringComparison.Ordinal))
            .Should().Equal(AccessPolicy.MarkdownRows());
    }

    [Fact]
    public void The_portal_never_writes_money_or_employment_ends_and_does_not_read_the_city_wide_ranking()
    {
        var portal = AccessPolicy.Table.Where(r => r.Roles.Contains(Kinerja.Application.Common.Roles.Portal) || r.PortalIfConfigured).Select(r => $"{r.Method} {r.Pattern}").ToList();

        portal.Should().NotContain(r => r.Contains("/training-grants", StringComparison.Ordinal) && !r.StartsWith("GET", StringComparison.Ordinal))
            .And.NotContain(r => r.Contains("/training-budgets", StringComparison.Ordinal) && !r.StartsWith("GET", StringComparison.Ordinal))
            .And.NotContain(r => r.EndsWith("/employment-ending", StringComparison.Ordinal) || r.EndsWith("/transfers", StringComparison.Ordinal)
                || r.EndsWith("/supervisor-changes", StringComparison.Ordinal) || r.EndsWith("/renaming", StringComparison.Ordinal)
                || r.EndsWith("/ranking", StringComparison.Ordinal) || r.EndsWith("/talent-grid", StringComparison.Ordinal));
    }
}
