using ElsaFlow.Cli.Commands;
using ElsaFlow.Cli.Tests.Support;
using ElsaFlow.Server.Hosting;
using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace ElsaFlow.Cli.Tests.Deployment;

/// <summary>
/// docker-compose.yml cannot be started here (no Docker engine), so it is checked against what the programs accept:
/// every command parses with elsaflow's own parser, every setting binds to the server's options, the nodes share the data
/// and dataset volumes at the same paths, and health checks and start order hold together.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly string Root = RepositoryRoot.Path;
    private static readonly Dictionary<string, object> Compose = Read(Path.Combine(Root, "docker-compose.yml"));
    private static readonly Dictionary<string, object> Services = Map(Compose["services"]);
    private static readonly string[] ElsaFlowServices = ["master1", "master2", "worker1", "worker-gpu"];

    [Fact]
    public void Services_AreTheBrokerTheStoreTwoMastersAndTwoWorkers()
    {
        Assert.Equal(["mariadb", "master1", "master2", "rabbitmq", "worker-gpu", "worker1"], Services.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("rabbitmq:3.", Text(Service("rabbitmq")["image"]));
        Assert.StartsWith("mariadb:10.", Text(Service("mariadb")["image"]));
        foreach (var name in ElsaFlowServices)
        {
            Assert.Equal(".", Text(Service(name)["build"]));
            Assert.Equal("elsaflow:latest", Text(Service(name)["image"]));
        }
    }

    [Theory]
    [InlineData("master1", "serve")]
    [InlineData("master2", "serve")]
    [InlineData("worker1", "worker")]
    [InlineData("worker-gpu", "worker")]
    public void Command_ParsesWithTheCli_AndItsSettingsBindToTheServerOptions(string name, string verb)
    {
        var command = List(Service(name)["command"]);
        var parse = ElsaFlowCommand.Create().Parse(command);

        Assert.Empty(parse.Errors);
        Assert.Equal(verb, parse.CommandResult.Command.Name);
        var options = Options(name);
        if (verb == "serve") Assert.Equal(Cluster.ClusterRole.Master, options.Role);
        Assert.Equal(Persistence.StoreProvider.MySql, options.Store!.Provider);
        Assert.Contains("Server=mariadb;", options.Store.ConnectionString);
        Assert.Equal("rabbitmq", new Uri(options.Bus.RabbitMq).Host);
        Assert.Equal("/data", Assert.Single(options.DataRoots));
        Assert.Equal("/datasets", options.Datasets.Shared);
        Assert.Equal("/state", Argument(command, "--store"));
    }

    [Fact]
    public void WorkerGpu_TakesTheGpuGroup_AndTheWorkersSendToTheComposeBroker()
    {
        Assert.Equal("gpu", Argument(List(Service("worker-gpu")["command"]), "--group"));
        foreach (var worker in new[] { "worker1", "worker-gpu" })
            Assert.Equal("rabbitmq", new Uri(Argument(List(Service(worker)["command"]), "--bus")!).Host);
    }

    [Fact]
    public void Volumes_EveryNodeMountsTheSameDataDatasetsAndKeyRing_AndItsOwnState()
    {
        var declared = Map(Compose["volumes"]).Keys.ToHashSet();
        var states = new HashSet<string>();
        foreach (var name in ElsaFlowServices)
        {
            var mounts = List(Service(name)["volumes"]).Select(v => v.Split(':')).ToDictionary(v => v[1], v => v[0]);
            Assert.Equal("data", mounts["/data"]);
            Assert.Equal("datasets", mounts["/datasets"]);
            // One key ring for all: each node's own (in its state) would not decrypt the connections another node saved.
            Assert.Equal("keys", mounts["/keys"]);
            Assert.Equal("/keys", Options(name).KeyRingFolder);
            Assert.True(states.Add(mounts["/state"]), $"{name} shares its state volume");
            Assert.All(mounts.Values, v => Assert.Contains(v, declared));
        }
    }

    [Fact]
    public void Health_EveryServiceChecksItself_AndNodesStartAfterWhatTheyNeed()
    {
        foreach (var (name, _) in Services)
            Assert.True(Service(name).ContainsKey("healthcheck"), $"{name} has no health check");
        foreach (var name in ElsaFlowServices)
        {
            var test = List(Map(Service(name)["healthcheck"])["test"]);
            Assert.Equal(["CMD", "dotnet", "/app/elsaflow.dll", "health"], test.Take(4));
            Assert.Empty(ElsaFlowCommand.Create().Parse(test.Skip(3).ToArray()).Errors);
            Assert.Equal(new Uri(Argument(List(Service(name)["command"]), "--urls")!).Port, new Uri(test[4]).Port);
            var needs = Map(Service(name)["depends_on"]);
            foreach (var (needed, condition) in needs)
            {
                Assert.Equal("service_healthy", Text(Map(condition)["condition"]));
                Assert.True(Service(Text(needed)).ContainsKey("healthcheck"));
            }
            Assert.Contains("rabbitmq", needs.Keys);
            Assert.Contains("mariadb", needs.Keys);
            if (name != "master1") Assert.Contains("master1", needs.Keys);
        }
    }

    [Fact]
    public void StopGracePeriod_OutlastsTheNodesDrain()
    {
        foreach (var name in ElsaFlowServices)
        {
            var grace = Text(Service(name)["stop_grace_period"]);
            Assert.EndsWith("s", grace);
            var drain = Argument(List(Service(name)["command"]), "--drain") is { } seconds
                ? TimeSpan.FromSeconds(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture))
                : Options(name).Worker.DrainTimeout;
            // The drain, then the host's margin for the last answers and the goodbye (see ServerServiceCollectionExtensions).
            Assert.True(TimeSpan.FromSeconds(int.Parse(grace[..^1], System.Globalization.CultureInfo.InvariantCulture)) >= drain + TimeSpan.FromSeconds(10),
                $"{name}: docker stop kills after {grace}, before its {drain} drain is over");
        }
    }

    [Fact]
    public void Ports_TheMastersPublishTheirListeningPort()
    {
        foreach (var master in new[] { "master1", "master2" })
        {
            var port = new Uri(Argument(List(Service(master)["command"]), "--urls")!).Port;
            Assert.EndsWith($":{port}", Assert.Single(List(Service(master)["ports"])));
        }
        Assert.Equal(2, new[] { "master1", "master2" }.Select(m => List(Service(m)["ports"])[0].Split(':')[0]).Distinct().Count());
    }

    [Fact]
    public void Dockerfile_StartsTheCliTheComposeCommandsName()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));

        Assert.Contains("ENTRYPOINT [\"dotnet\", \"/app/elsaflow.dll\"]", dockerfile);
        Assert.Contains("dotnet publish src/Cli", dockerfile);
        Assert.Contains("npm run build", dockerfile);
    }

    /// <summary>The service's settings as the server reads them: its environment (ElsaFlow__X__Y) and its command line.</summary>
    private static ServerOptions Options(string name)
    {
        var environment = Map(Service(name)["environment"]).ToDictionary(e => e.Key.Replace("__", ":"), e => (string?)Text(e.Value));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment)
            .AddCommandLine(ServerArguments(List(Service(name)["command"])), ElsaFlowServer.Switches.ToDictionary())
            .Build();
        return configuration.GetSection(ServerOptions.Section).Get<ServerOptions>()!;
    }

    /// <summary>What of a command reaches the server's configuration: the switches it maps (--role, --bus), as serve and worker pass them.</summary>
    private static string[] ServerArguments(IReadOnlyList<string> command)
    {
        var arguments = new List<string>();
        for (var i = 1; i + 1 < command.Count; i++)
            if (ElsaFlowServer.Switches.ContainsKey(command[i])) arguments.AddRange([command[i], command[i + 1]]);
        return arguments.ToArray();
    }

    private static string? Argument(IReadOnlyList<string> command, string option)
    {
        var at = command.ToList().IndexOf(option);
        return at >= 0 && at + 1 < command.Count ? command[at + 1] : null;
    }

    private static Dictionary<string, object> Service(string name) => Map(Services[name]);

    private static Dictionary<string, object> Map(object node) => ((Dictionary<object, object>)node).ToDictionary(p => Text(p.Key), p => p.Value);

    private static List<string> List(object node) => ((List<object>)node).Select(Text).ToList();

    private static string Text(object node) => node as string ?? throw new InvalidCastException($"expected text, found {node.GetType().Name}");

    private static Dictionary<string, object> Read(string path)
    {
        using var reader = new StreamReader(path);
        // The file uses YAML merge keys (<<: *elsaflow) as compose does.
        var document = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
        return document.ToDictionary(p => Text(p.Key), p => p.Value);
    }
}
