using ElsaFlow.Cli.Tests.Support;

namespace ElsaFlow.Cli.Tests.Commands;

/// <summary>
/// Named connections in the CLI: the connections file beside the store (or --connections FILE) with ${VARIABLE}s from
/// the environment; <c>connections list</c> shows names and kinds; a run whose connection fails quoting its string
/// shows the password nowhere (output, store journal, instance error).
/// </summary>
public sealed class ConnectionsCommandTests : IDisposable
{
    private const string Password = "Cli-Secret-4a5b6c";

    private const string ConnectionsJson = """
        {"connections": [
          {"name": "warehouse", "kind": "postgres", "connectionString": "Host=127.0.0.1;Port=1;Username=etl;Password=${WAREHOUSE_PASSWORD}"},
          {"name": "Crm", "kind": "mysql", "connectionString": "Server=crm;User ID=bi;Password=plain-Pa55", "options": {"batchSize": "1000"}},
          {"name": "legacy", "kind": "no-such-client", "connectionString": "Server=old;Password=plain-Pa55"}
        ]}
        """;

    private const string Flow = """
        {"definitionId": "uses-connection",
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "open", "type": "UseConnection", "connection": "warehouse"}
         ]}}
        """;

    private readonly CliWorkspace _cli = new();

    private string WriteConnections(string json, string? path = null)
    {
        path ??= Path.Combine(Directory.CreateDirectory(_cli.StoreFolder).FullName, "connections.json");
        File.WriteAllText(path, json);
        return path;
    }

    private string Plugins()
    {
        var plugins = Directory.CreateDirectory(_cli.PathOf("plugins")).FullName;
        File.Copy(Path.Combine(CliWorkspace.PluginsSource, "ElsaFlow.TestPlugins.dll"), Path.Combine(plugins, "ElsaFlow.TestPlugins.dll"), overwrite: true);
        return plugins;
    }

    [Fact]
    public async Task List_FileBesideTheStore_NamesAndKindsOnly()
    {
        WriteConnections(ConnectionsJson);

        var result = await _cli.RunAsync("connections", "list", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"warehouse\"", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("\"mysql\"", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("plain-Pa55", result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("crm;", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_DuplicateNameAndBadKind_InvalidWithEveryProblem()
    {
        var path = WriteConnections("""
            {"connections": [
              {"name": "a", "kind": "mysql", "connectionString": "x=1"},
              {"name": "A", "kind": "My SQL", "connectionString": "x=2"},
              {"name": "../up", "kind": "mysql"}
            ]}
            """, _cli.PathOf("other.json"));

        var result = await _cli.RunAsync("connections", "list", "--connections", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("connection 2 ('A'): the name is given twice", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("'My SQL' is not a valid connection kind", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("'../up' is not a valid connection name", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("connection 3 ('../up'): a connection needs a connectionString", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_KindWithoutProbeOrUnknownName_InvalidSayingWhy()
    {
        WriteConnections(ConnectionsJson);

        // A kind no database client will ever speak, so the test holds once the clients register their probes.
        var untestable = await _cli.RunAsync("connections", "test", "LEGACY");
        var unknown = await _cli.RunAsync("connections", "test", "ghost");

        Assert.Equal(2, untestable.ExitCode);
        Assert.Contains("connection 'legacy' cannot be tested: no client here speaks kind 'no-such-client'", untestable.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no connection named 'ghost'", unknown.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("plain-Pa55", untestable.ToString() + unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingConnectionsFileNamed_Invalid()
    {
        var flow = _cli.WriteFlow("flow.json", Flow);

        var result = await _cli.RunAsync("run", flow, "--connections", _cli.PathOf("nope.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("connections file", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ConnectionFailsQuotingItsString_PasswordFromTheEnvironmentNowhere()
    {
        WriteConnections(ConnectionsJson);
        _cli.Environment["WAREHOUSE_PASSWORD"] = Password;
        var flow = _cli.WriteFlow("flow.json", Flow);

        var result = await _cli.RunAsync("run", flow, "--plugins", Plugins(), "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("UseConnection could not open 'warehouse' with ***", result.ToString(), StringComparison.Ordinal);
        var id = System.Text.Json.Nodes.JsonNode.Parse(result.StdOut)!["instanceId"]!.GetValue<string>();
        var store = _cli.OpenStore();
        var journal = string.Join("\n", (await store.GetJournalAsync(id)).Select(e => e.Message));
        var logs = string.Join("\n", (await store.GetLogsAsync(id)).Select(l => l.Message));
        Assert.All([result.ToString(), journal, logs, (await store.GetInstanceAsync(id))!.Error ?? ""],
            text => Assert.DoesNotContain(Password, text, StringComparison.Ordinal));
        Assert.Contains("could not open 'warehouse'", journal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_VariableNotSet_FaultNamesTheConnectionAndTheVariable()
    {
        WriteConnections(ConnectionsJson);
        var flow = _cli.WriteFlow("flow.json", Flow);

        var result = await _cli.RunAsync("run", flow, "--plugins", Plugins());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Connection 'warehouse'", result.ToString(), StringComparison.Ordinal);
        Assert.Contains("${WAREHOUSE_PASSWORD}, which is not set", result.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
