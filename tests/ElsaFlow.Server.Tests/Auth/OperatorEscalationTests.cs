using System.Net;
using System.Text.Json.Nodes;
using ElsaFlow.Server.Auth;
using ElsaFlow.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Server.Tests.Auth;

/// <summary>
/// The attacks of issue 10 (item 2), as an operator through the API, on a server laid out as by default: its data folder
/// ./.elsaflow inside the data root. Flows can neither read nor write the store, the keys or anything else there; a
/// key file planted in it is never imported; a log line makes no file downloadable.
/// </summary>
[Trait("Suite", "Security")]
public sealed class OperatorEscalationTests : IAsyncLifetime
{
    private const string PlantedSecret = "efk_planted_by_an_operator_000000000000000000000000";

    private readonly string _root = Directory.CreateTempSubdirectory("elsaflow-escalation").FullName;
    private ServerNode _server = null!;
    private HttpClient _operator = null!;
    private HttpClient _viewer = null!;
    private int _flows;

    private string StateFolder => Path.Combine(_root, ".elsaflow");

    public async Task InitializeAsync()
    {
        await StartAsync();
        var keys = _server.Services.GetRequiredService<IApiKeyStore>();
        _operator = _server.ClientWithKey((await keys.CreateAsync("operator", ApiRole.Operator)).Secret);
        _viewer = _server.ClientWithKey((await keys.CreateAsync("viewer", ApiRole.Viewer)).Secret);
        File.WriteAllText(Path.Combine(_root, "key.csv"), $"id,name,role,hash,createdAt\nplanted,planted,Admin,{StoreApiKeyStore.Hash(PlantedSecret)},2026-01-01T00:00:00Z\n");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* a store file still closing: the OS cleans temp */ }
    }

    [Fact]
    public async Task SqliteInput_OnTheStore_Refused()
    {
        var run = await RunAsync("""{"id": "steal", "type": "SqliteInput", "path": ".elsaflow/elsaflow.db", "table": "api_keys"}""");

        AssertRefused(run, "steal");
    }

    [Fact]
    public async Task SqliteInput_OnTheStoreByAbsolutePath_Refused()
    {
        var path = JsonValue.Create(Path.Combine(StateFolder, "elsaflow.db")).ToJsonString();

        var run = await RunAsync($$"""{"id": "steal", "type": "SqliteInput", "path": {{path}}, "query": "SELECT * FROM api_keys"}""");

        AssertRefused(run, "steal");
    }

    [Fact]
    public async Task JsonInput_OnAnyFileOfTheStateFolder_Refused()
    {
        File.WriteAllText(Path.Combine(StateFolder, "api-keys.json.imported"), """[{"id": "old", "hash": "00"}]""");

        var keys = await RunAsync("""{"id": "steal", "type": "JsonInput", "path": ".elsaflow/api-keys.json.imported"}""");
        var logs = await RunAsync("""{"id": "steal", "type": "CsvInput", "path": ".elsaflow/logs/*.log"}""");

        AssertRefused(keys, "steal");
        AssertRefused(logs, "steal");
    }

    [Fact]
    public async Task Outputs_IntoTheStateFolder_RefusedAndWriteNothing()
    {
        var csv = await RunAsync(ReadKeyRow + """, {"id": "plant", "type": "CsvOutput", "path": ".elsaflow/elsaflow.csv"}""", "read", "plant");
        var json = await RunAsync(ReadKeyRow + """, {"id": "plant", "type": "JsonOutput", "path": ".elsaflow/api-keys.json"}""", "read", "plant");

        AssertRefused(csv, "plant");
        AssertRefused(json, "plant");
        Assert.False(File.Exists(Path.Combine(StateFolder, "elsaflow.csv")));
        Assert.False(File.Exists(Path.Combine(StateFolder, "api-keys.json")));
    }

    [Fact]
    public async Task KeyFile_AppendedByAFlowThenRestart_NoAdminKeyAppears()
    {
        var run = await RunAsync(ReadKeyRow + """, {"id": "plant", "type": "JsonOutput", "path": ".elsaflow/api-keys.json"}""", "read", "plant");
        // Even a key file that got there some other way is not imported once the store holds keys.
        File.WriteAllText(Path.Combine(StateFolder, "api-keys.json"),
            $$"""[{"id": "planted", "name": "planted", "role": "Admin", "hash": "{{StoreApiKeyStore.Hash(PlantedSecret)}}", "createdAt": "2026-01-01T00:00:00Z"}]""");

        await RestartAsync();

        AssertRefused(run, "plant");
        await HttpAssert.Problem(await _server.ClientWithKey(PlantedSecret).GetAsync("/api/keys"), HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(await _server.Services.GetRequiredService<IApiKeyStore>().ListAsync(), k => k.Id == "planted");
        Assert.True(File.Exists(Path.Combine(StateFolder, "api-keys.json")));
    }

    [Fact]
    public async Task LogLineNamingTheStore_MakesNoFileDownloadable()
    {
        var run = await RunAsync("""{"id": "lie", "type": "Log", "message": "wrote 1 rows to .elsaflow/elsaflow.db"}""");
        var id = run["instanceId"]!.GetValue<string>();

        var files = await HttpAssert.Json(await _viewer.GetAsync($"/api/instances/{id}/files"));
        var download = await _viewer.GetAsync($"/api/instances/{id}/files/elsaflow.db");

        Assert.Equal("Finished", run["status"]!.GetValue<string>());
        Assert.Empty(files.AsArray());
        await HttpAssert.Problem(download, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OutputFiles_AreListedAndServed_OnlyWhatTheOutputsWrote()
    {
        var run = await RunAsync(ReadKeyRow + """
            , {"id": "write", "type": "CsvOutput", "path": "out/rows.csv", "splitRows": 1}
            , {"id": "lie", "type": "Log", "message": "wrote 1 rows to key.csv"}
            """, "read", "write", "lie");
        var id = run["instanceId"]!.GetValue<string>();

        var files = (await HttpAssert.Json(await _viewer.GetAsync($"/api/instances/{id}/files"))).AsArray();
        var part = await _viewer.GetStringAsync($"/api/instances/{id}/files/rows_0001.csv");

        Assert.Equal([Path.Combine("out", "rows_0001.csv")], files.Select(f => f!["path"]!.GetValue<string>()));
        Assert.StartsWith("id,name,role", part);
        await HttpAssert.Problem(await _viewer.GetAsync($"/api/instances/{id}/files/key.csv"), HttpStatusCode.NotFound);
    }

    /// <summary>A CsvInput of key.csv (a row shaped like an API key), for the outputs to write somewhere.</summary>
    private const string ReadKeyRow = """{"id": "read", "type": "CsvInput", "path": "key.csv"}""";

    private async Task StartAsync()
    {
        _server = new ServerNode(StateFolder, _root, TimeProvider.System);
        _ = _server.Server; // starts the host: keys are imported and bootstrapped now
        await Task.CompletedTask;
    }

    private async Task RestartAsync()
    {
        await _server.DisposeAsync();
        await StartAsync();
    }

    /// <summary>Creates a flow of these activities (connected in the order given) as the operator and runs it.</summary>
    private async Task<JsonObject> RunAsync(string activities, params string[] chain)
    {
        var id = $"attack-{++_flows}";
        var connections = string.Join(", ", chain.Zip(chain.Skip(1)).Select(p =>
            $$$"""{"source": {"activity": "{{{p.First}}}", "port": "Done"}, "target": {"activity": "{{{p.Second}}}", "port": "In"}}"""));
        var flow = JsonNode.Parse($$$"""
            {"definitionId": "{{{id}}}", "root": {"id": "root", "type": "Flowchart", "activities": [{{{activities}}}], "connections": [{{{connections}}}]}}
            """);
        await HttpAssert.Json(await _operator.PostJson("/api/workflows", flow), HttpStatusCode.Created);
        return (await HttpAssert.Json(await _operator.PostJson($"/api/workflows/{id}/execute", null))).AsObject();
    }

    private static void AssertRefused(JsonObject run, string activityId)
    {
        Assert.Equal("Faulted", run["status"]!.GetValue<string>());
        Assert.Equal(activityId, run["faultedActivityId"]!.GetValue<string>());
        var error = run["error"]!.GetValue<string>();
        Assert.Contains("path: ", error);
        Assert.Contains("state folder", error);
        Assert.Contains("not a data folder", error);
    }
}
