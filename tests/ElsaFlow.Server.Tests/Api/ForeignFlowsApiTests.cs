using System.Net;
using System.Text;
using ElsaFlow.Server.Tests.Support;

namespace ElsaFlow.Server.Tests.Api;

/// <summary>NiceFlow flows and Elsa 3 definitions through the API's import and create routes: imported by the loader, warnings kept, refusals as 400.</summary>
public sealed class ForeignFlowsApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Import_NiceFlowBody_CreatesADraftWithTheImportWarnings()
    {
        const string flow = """
            {"flow": {"name": "Nice", "uid": "nice-api-1"},
             "nodes": [{"id": "Printer", "name": "say-hi", "properties": {"msg": "hi", "colour": "red"}}], "edges": []}
            """;

        var response = await server.Admin.PostAsync("/api/workflows/import", new StringContent(flow, Encoding.UTF8, "application/json"));

        var created = await HttpAssert.Json(response, HttpStatusCode.Created);
        Assert.Equal("nice-api-1", created["definitionId"]!.GetValue<string>());
        Assert.Equal("say_hi", created["document"]!["root"]!["activities"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("NiceFlow", created["document"]!["metadata"]!["importedFrom"]!["format"]!.GetValue<string>());
        Assert.Contains("colour", created["document"]!["metadata"]!["importedFrom"]!["warnings"]!.ToJsonString());
    }

    [Fact]
    public async Task Create_Elsa3Definition_IsStoredAsANativeFlow()
    {
        const string flow = """
            {"definitionId": "elsa-api-1", "name": "Hello", "root": {"type": "Elsa.Flowchart", "id": "f1", "activities": [
              {"id": "w1", "type": "Elsa.WriteLine", "text": {"typeName": "String", "expression": {"type": "Literal", "value": "Hello"}}}], "connections": []}}
            """;

        var response = await server.Admin.PostAsync("/api/workflows", new StringContent(flow, Encoding.UTF8, "application/json"));

        var created = await HttpAssert.Json(response, HttpStatusCode.Created);
        var activity = created["document"]!["root"]!["activities"]![0]!;
        Assert.Equal(("Log", "Hello"), (activity["type"]!.GetValue<string>(), activity["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Import_UnsupportedNiceFlowNode_Is400NamingTheNode()
    {
        const string flow = """{"flow": {"uid": "nice-api-2"}, "nodes": [{"id": "PyScript", "name": "py", "properties": {}}], "edges": []}""";

        var response = await server.Admin.PostAsync("/api/workflows/import", new StringContent(flow, Encoding.UTF8, "application/json"));

        var problem = await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
        Assert.Contains("PyScript", problem["problems"]!.ToJsonString());
    }
}
