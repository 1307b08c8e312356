using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Server.Tests.Support;

namespace ElsaFlow.Server.Tests.Api;

/// <summary>A preview needs only its activity and what comes before it, and previewing the designer's canvas saves nothing.</summary>
public sealed class PreviewScopeApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    // Read -> Group -> Sort with no 'by' -> CsvOutput with no 'path': the last two are not finished yet.
    private static string HalfDone(string id, string function = "count") => $$$"""
        {"definitionId": "{{{id}}}",
         "root": {"id": "root", "type": "Flowchart",
           "activities": [
             {"id": "read", "type": "CsvInput", "path": "people.csv"},
             {"id": "group", "type": "Group", "aggregations": [{"column": "age", "function": "{{{function}}}", "as": "n"}]},
             {"id": "sort", "type": "Sort"},
             {"id": "write", "type": "CsvOutput"}
           ],
           "connections": [
             {"source": {"activity": "read", "port": "Done"}, "target": {"activity": "group", "port": "In"}},
             {"source": {"activity": "group", "port": "Done"}, "target": {"activity": "sort", "port": "In"}},
             {"source": {"activity": "sort", "port": "Done"}, "target": {"activity": "write", "port": "In"}}
           ]}}
        """;

    private async Task CreateAsync(string json)
    {
        server.WriteData("people.csv", Flows.PeopleCsv);
        (await server.Admin.PostAsJsonAsync("/api/workflows", JsonNode.Parse(json))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Preview_LaterStepsUnfinished_PreviewsTheEarlierStep()
    {
        await CreateAsync(HalfDone("half-done"));

        var preview = await HttpAssert.Json(await server.Operator.PostJson("/api/workflows/half-done/preview/group", null));

        Assert.Equal(4, preview["rows"]![0]!["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task Preview_ProblemInTheStepOrBefore_StillBlocksNamingIt()
    {
        await CreateAsync(HalfDone("half-done-bad", function: "summ"));

        var problem = await HttpAssert.Problem(await server.Operator.PostJson("/api/workflows/half-done-bad/preview/group", null), HttpStatusCode.BadRequest);

        var only = Assert.Single(problem["problems"]!.AsArray());
        Assert.Equal("group", only!["activityId"]!.GetValue<string>());
        Assert.Equal("aggregations[0].function", only["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task PreviewDraft_RunsTheDocumentSent_AndSavesNoVersion()
    {
        await CreateAsync(HalfDone("canvas"));
        var edited = JsonNode.Parse(HalfDone("canvas", function: "max"))!;

        var preview = await HttpAssert.Json(await server.Operator.PostJson("/api/workflows/canvas/draft/preview/group?rows=5",
            new JsonObject { ["document"] = edited, ["inputs"] = new JsonObject() }));
        var again = await HttpAssert.Json(await server.Operator.PostJson("/api/workflows/canvas/draft/preview/group",
            new JsonObject { ["document"] = edited.DeepClone() }));
        var versions = await HttpAssert.Json(await server.Viewer.GetAsync("/api/workflows/canvas/versions"));

        Assert.Equal(41, preview["rows"]![0]!["n"]!.GetValue<int>());
        Assert.Equal(41, again["rows"]![0]!["n"]!.GetValue<int>());
        Assert.Single(versions.AsArray());
        var instances = await HttpAssert.Json(await server.Viewer.GetAsync("/api/instances?definition=canvas"));
        Assert.Equal(0, instances["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task PreviewDraft_ActivityNotInTheDocument_Is404()
    {
        await CreateAsync(HalfDone("canvas-404"));

        await HttpAssert.Problem(await server.Operator.PostJson("/api/workflows/canvas-404/draft/preview/nope",
            new JsonObject { ["document"] = JsonNode.Parse(HalfDone("canvas-404")) }), HttpStatusCode.NotFound);
    }
}
