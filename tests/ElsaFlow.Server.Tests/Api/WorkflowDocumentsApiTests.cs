using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ElsaFlow.Server.Tests.Support;

namespace ElsaFlow.Server.Tests.Api;

public sealed class WorkflowDocumentsApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Yaml = """
        definitionId: from-yaml
        name: From YAML
        root:
          id: root
          type: Sequence
          activities:
            - id: greet
              type: Log
              message: hi
        """;

    private const string Xml = """
        <workflow definitionId="from-xml" name="From XML">
          <flowchart id="root">
            <activity id="greet" type="Log"><message>hi</message></activity>
          </flowchart>
        </workflow>
        """;

    [Fact]
    public async Task Import_YamlByContentType_CreatesDraft()
    {
        var response = await server.Admin.PostAsync("/api/workflows/import", new StringContent(Yaml, Encoding.UTF8, "application/yaml"));

        var created = await HttpAssert.Json(response, HttpStatusCode.Created);
        Assert.Equal("from-yaml", created["definitionId"]!.GetValue<string>());
        Assert.Empty(created["problems"]!.AsArray());
    }

    [Fact]
    public async Task Import_XmlByQuery_ThenAgain_IsNewVersion()
    {
        await server.Admin.PostAsync("/api/workflows/import?format=xml", new StringContent(Xml, Encoding.UTF8, "text/plain"));
        var again = await server.Admin.PostAsync("/api/workflows/import?format=xml", new StringContent(Xml.Replace("From XML", "From XML 2"), Encoding.UTF8, "text/plain"));

        var created = await HttpAssert.Json(again, HttpStatusCode.Created);
        Assert.Equal(2, created["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Import_Unreadable_Is400WithProblems()
    {
        var response = await server.Admin.PostAsync("/api/workflows/import?format=json", new StringContent("{ not json", Encoding.UTF8, "application/json"));

        var problem = await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem["problems"]!.AsArray());
    }

    [Fact]
    public async Task Import_UnknownFormat_Is400()
    {
        await HttpAssert.Problem(await server.Admin.PostAsync("/api/workflows/import?format=toml", new StringContent("x")), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("json", "application/json", "\"definitionId\": \"exported\"")]
    [InlineData("yaml", "application/yaml", "definitionId: exported")]
    [InlineData("xml", "application/xml", "definitionId=\"exported\"")]
    public async Task Export_EachFormat_WritesTheDocument(string format, string contentType, string expected)
    {
        if ((await server.Viewer.GetAsync("/api/workflows/exported")).StatusCode == HttpStatusCode.NotFound)
            await server.Admin.PostJson("/api/workflows", JsonNode.Parse(Flows.Hello("exported")));

        var response = await server.Operator.GetAsync($"/api/workflows/exported/export?format={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Export_UnknownOrByViewer_Is404Or403()
    {
        await HttpAssert.Problem(await server.Admin.GetAsync("/api/workflows/nope/export"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await server.Viewer.GetAsync("/api/workflows/nope/export"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Validate_ListsProblems_WithoutSaving()
    {
        var result = await HttpAssert.Json(await server.Viewer.PostAsync("/api/workflows/validate", new StringContent(Flows.Invalid, Encoding.UTF8, "application/json")));
        var valid = await HttpAssert.Json(await server.Viewer.PostAsync("/api/workflows/validate?format=yaml", new StringContent(Yaml)));

        Assert.False(result["isValid"]!.GetValue<bool>());
        Assert.Contains(result["problems"]!.AsArray(), p => p!["activityId"]?.GetValue<string>() == "b");
        Assert.True(valid["isValid"]!.GetValue<bool>());
        await HttpAssert.Problem(await server.Viewer.GetAsync("/api/workflows/broken"), HttpStatusCode.NotFound);
    }
}
