using System.Reflection;
using System.Xml.Linq;

namespace Kinerja.UnitTests.Architecture;

public class LayerTests
{
    private static readonly Assembly Domain = typeof(Kinerja.Domain.DomainRuleViolation).Assembly;
    private static readonly Assembly Application = typeof(Kinerja.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Kinerja.Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly Api = typeof(Kinerja.Api.Hosting.ApiServices).Assembly;
    private static readonly Assembly Tools = typeof(Kinerja.Tools.Generating.CityGenerator).Assembly;
    private static readonly Assembly[] Product = [Domain, Application, Infrastructure, Api];

    private static readonly string[] Framework = ["System", "netstandard", "Microsoft.CSharp"];
    private static readonly string[] OuterToApplication =
        ["Marten", "Wolverine", "JasperFx", "Weasel", "Npgsql", "Kinerja.Infrastructure", "Kinerja.Api"];

    private static IEnumerable<string> References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!);

    private static bool Is(string name, string root) =>
        name.Equals(root, StringComparison.Ordinal) || name.StartsWith(root + ".", StringComparison.Ordinal);

    [Fact]
    public void The_domain_references_only_framework_assemblies() =>
        References(Domain).Where(name => !Framework.Any(root => Is(name, root))).Should().BeEmpty();

    [Fact]
    public void The_application_references_no_persistence_messaging_or_outer_layer() =>
        References(Application).Where(name => OuterToApplication.Any(root => Is(name, root))).Should().BeEmpty();

    [Fact]
    public void The_infrastructure_does_not_reference_the_api() =>
        References(Infrastructure).Should().NotContain(name => Is(name, "Kinerja.Api"));

    [Fact]
    public void Each_layer_references_the_layer_inward_of_it()
    {
        References(Application).Should().Contain("Kinerja.Domain");
        References(Infrastructure).Should().Contain("Kinerja.Application");
    }

    [Fact]
    public void No_product_assembly_references_the_tools() =>
        Product.SelectMany(References).Should().NotContain(name => Is(name, "Kinerja.Tools"));

    [Fact]
    public void No_source_project_references_the_tools_project()
    {
        var references = Directory.GetFiles(Path.Combine(RepositoryRoot(), "src"), "*.csproj", SearchOption.AllDirectories)
            .SelectMany(file => XDocument.Load(file).Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
            .Select(e => e.Attribute("Include")!.Value.Replace('\\', '/'));

        references.Should().NotBeEmpty().And.NotContain(path => path.Contains("tools/", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_product_assemblies_hold_none_of_the_generator_and_benchmark_types()
    {
        var tools = Tools.GetTypes().Where(t => !t.IsNested && t.Namespace?.StartsWith("Kinerja.Tools", StringComparison.Ordinal) == true && t.Name != "Program")
            .Select(t => t.Name).ToHashSet();
        var product = Product.SelectMany(a => a.GetTypes()).Where(t => !t.IsNested).ToList();

        tools.Should().Contain(["CityGenerator", "CityWriter", "GenerateCityCommand", "BenchmarkCommand", "QueryProbes", "ReadModelRebuild", "PlannerStatistics"]);
        product.Where(t => tools.Contains(t.Name)).Select(t => t.FullName).Should().BeEmpty();
        product.Select(t => t.Namespace ?? "").Where(ns => ns.Split('.').Any(part => part is "Generating" or "Benchmarking")).Should().BeEmpty();
    }

    [Fact]
    public void The_domain_project_has_no_package_references()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Domain", "Domain.csproj"));

        project.Descendants().Where(e => e.Name.LocalName == "PackageReference").Should().BeEmpty();
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kinerja.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Kinerja.sln above {AppContext.BaseDirectory}.");
    }
}
