using System.Net;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Server.Tests.Connections;

/// <summary>
/// A flow that resolves a named connection and fails quoting its whole connection string (UseConnection, as a careless
/// client would): the password reaches neither the instance's error, its journal (API and store), its logs, nor the server log.
/// </summary>
[Trait("Suite", "Security")]
public sealed class ConnectionRedactionTests(ConnectionsServer server) : IClassFixture<ConnectionsServer>
{
    private const string Password = "Redact-Me-9f8e7d";

    private const string Flow = """
        {"definitionId": "uses-connection",
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "open", "type": "UseConnection", "connection": "warehouse"}
         ]}}
        """;

    [Fact]
    public async Task Run_ConnectionFailsQuotingItsString_PasswordNowhere()
    {
        await HttpAssert.Json(await server.Operator.PostJson("/api/connections", new JsonObject
        {
            ["name"] = "warehouse", ["kind"] = "mysql", ["connectionString"] = $"Server=127.0.0.1;Port=1;User ID=etl;Password={Password}",
        }), HttpStatusCode.Created);
        await HttpAssert.Json(await server.Admin.PostJson("/api/workflows", JsonNode.Parse(Flow)), HttpStatusCode.Created);
        (await server.Admin.PostAsync("/api/workflows/uses-connection/publish", null)).EnsureSuccessStatusCode();

        var run = await server.Operator.PostAsync("/api/workflows/uses-connection/execute", null);

        var answer = await run.Content.ReadAsStringAsync();
        var id = JsonNode.Parse(answer)!["instanceId"]!.GetValue<string>();
        Assert.Equal("Faulted", JsonNode.Parse(answer)!["status"]!.GetValue<string>());
        Assert.Contains("UseConnection could not open 'warehouse'", answer, StringComparison.Ordinal);
        var store = server.Services.GetRequiredService<IWorkflowStore>();
        string[] seen =
        [
            answer,
            await server.Admin.GetStringAsync($"/api/instances/{id}"),
            await server.Admin.GetStringAsync($"/api/instances/{id}/journal"),
            await server.Admin.GetStringAsync($"/api/instances/{id}/logs"),
            string.Join("\n", (await store.GetJournalAsync(id)).Select(j => j.Message)),
            string.Join("\n", (await store.GetLogsAsync(id)).Select(l => l.Message)),
            (await store.GetInstanceAsync(id))!.Error ?? "",
            string.Join("\n", server.Logs.Lines),
        ];
        Assert.All(seen, text => Assert.DoesNotContain(Password, text, StringComparison.Ordinal));
        Assert.Contains("could not open 'warehouse' with ***", seen[4], StringComparison.Ordinal);
        Assert.Contains(seen[5].Split('\n'), line => line.StartsWith("connecting with ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_SecretDoesNotDecrypt_FaultNamesTheConnectionAndTheKeyRing()
    {
        await HttpAssert.Json(await server.Operator.PostJson("/api/connections", new JsonObject
        {
            ["name"] = "lost-ring", ["kind"] = "mysql", ["connectionString"] = $"Server=127.0.0.1;Port=1;User ID=etl;Password={Password}",
        }), HttpStatusCode.Created);
        var connections = server.Services.GetRequiredService<IConnectionRecordStore>();
        await connections.UpdateConnectionAsync((await connections.GetConnectionAsync("lost-ring"))! with { ProtectedConnectionString = "CfDJ8-made-elsewhere" });
        var flow = Flow.Replace("uses-connection", "lost-ring-flow", StringComparison.Ordinal).Replace("warehouse", "lost-ring", StringComparison.Ordinal);
        await HttpAssert.Json(await server.Admin.PostJson("/api/workflows", JsonNode.Parse(flow)), HttpStatusCode.Created);
        (await server.Admin.PostAsync("/api/workflows/lost-ring-flow/publish", null)).EnsureSuccessStatusCode();

        var answer = JsonNode.Parse(await (await server.Operator.PostAsync("/api/workflows/lost-ring-flow/execute", null)).Content.ReadAsStringAsync())!;

        Assert.Equal("Faulted", answer["status"]!.GetValue<string>());
        Assert.Contains("The secret of connection 'lost-ring' cannot be decrypted: the key ring (ElsaFlow:Connections:KeyRing)", answer["error"]!.GetValue<string>(),
            StringComparison.Ordinal);
    }
}
