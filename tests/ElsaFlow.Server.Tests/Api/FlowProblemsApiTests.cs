using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ElsaFlow.Server.Tests.Support;

namespace ElsaFlow.Server.Tests.Api;

/// <summary>Unreadable or unsavable flows answer a 400 problem naming the place, and leave nothing saved.</summary>
public sealed class FlowProblemsApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Import_YamlSyntaxError_Is400WithLineAndColumn()
    {
        // Act
        var response = await server.Admin.PostAsync("/api/workflows/import?format=yaml", Text("definitionId: y\nroot: {id: root\n"));

        // Assert
        var problem = await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
        Assert.Contains("is not valid YAML: line", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Validate_YamlAlias_AnswersTheProblem_AndTheServerLives()
    {
        // Act
        var response = await server.Viewer.PostAsync("/api/workflows/validate?format=yaml", Text("root: &a {id: r, type: Sequence, activities: [*a]}\n"));

        // Assert
        var result = await HttpAssert.Json(response);
        Assert.False(result["isValid"]!.GetValue<bool>());
        Assert.Contains("line 1, column 7: anchors (&a) are not allowed", result["problems"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await server.Anonymous.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Create_DuplicateKey_Is400WithLine()
    {
        // Act
        var response = await server.Admin.PostAsync("/api/workflows",
            Json("{\"definitionId\": \"dup\",\n \"root\": {\"id\": \"root\", \"type\": \"Sequence\",\n \"id\": \"again\"}}"));

        // Assert
        var problem = await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
        Assert.Contains("line 3, column 2: the key 'id' appears twice", problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await server.Viewer.GetAsync("/api/workflows/dup")).StatusCode);
    }

    [Fact]
    public async Task Create_NonAsciiDefinitionId_Is400_AndNothingIsSaved()
    {
        // Act
        var response = await server.Admin.PostAsync("/api/workflows", Json("""{"definitionId": "flöw", "root": {"id": "root", "type": "Sequence"}}"""));

        // Assert
        var problem = await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal("definitionId", problem["problems"]![0]!["field"]!.GetValue<string>());
        var list = await HttpAssert.Json(await server.Viewer.GetAsync("/api/workflows"));
        Assert.DoesNotContain(list.AsArray(), w => w!["definitionId"]!.GetValue<string>() == "flöw");
    }

    [Fact]
    public async Task Update_DuplicateKey_Is400_AndKeepsTheSavedVersion()
    {
        // Arrange
        await server.Admin.PostAsync("/api/workflows", Json(Flows.Hello("kept")));

        // Act
        var response = await server.Admin.PutAsync("/api/workflows/kept", Json("""{"name": "a", "name": "b", "root": {"id": "root", "type": "Sequence"}}"""));

        // Assert
        var problem = await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
        Assert.Contains("the key 'name' appears twice", problem["detail"]!.GetValue<string>());
        var kept = await HttpAssert.Json(await server.Viewer.GetAsync("/api/workflows/kept"));
        Assert.Equal(1, kept["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_Int64Overflow_IsAProblemNamingTheField()
    {
        // Act
        var response = await server.Admin.PostAsync("/api/workflows", Json("""
            {"definitionId": "overflow", "root": {"id": "root", "type": "Sequence", "activities": [
              {"id": "loop", "type": "While", "condition": "false", "maxIterations": 99999999999999999999}]}}
            """));

        // Assert
        var created = await HttpAssert.Json(response, HttpStatusCode.Created);
        var problem = Assert.Single(created["problems"]!.AsArray());
        Assert.Equal("loop", problem!["activityId"]!.GetValue<string>());
        Assert.Equal("maxIterations", problem["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execute_InputsWithDuplicateKey_Is400()
    {
        // Arrange
        await server.PublishAsync(Flows.Hello("dup-inputs"));

        // Act
        var response = await server.Admin.PostAsync("/api/workflows/dup-inputs/execute", Json("""{"name": "a", "name": "b"}"""));

        // Assert
        await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Execute_InputWithHalfASurrogatePair_IsNotAServerError()
    {
        // Arrange
        await server.PublishAsync(Flows.Hello("surrogate-inputs"));

        // Act
        var response = await server.Admin.PostAsync("/api/workflows/surrogate-inputs/execute", Json("""{"name": "\ud800"}"""));

        // Assert
        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Execute_HugeIntegerInput_Is400NamingTheInput()
    {
        // Arrange
        await server.PublishAsync("""
            {"definitionId": "huge-input", "inputs": [{"name": "n", "type": "Integer"}],
             "root": {"id": "root", "type": "Sequence", "activities": [{"id": "say", "type": "Log", "message": "${n}"}]}}
            """);

        // Act
        var response = await server.Admin.PostAsync("/api/workflows/huge-input/execute", Json("""{"n": 99999999999999999999}"""));

        // Assert
        var problem = await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
        Assert.Contains("'n'", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Preview_ViewThatFailsWhenRead_Is400NamingTheActivity()
    {
        // Arrange: the filter is kept as a view, so its cast fails only when the preview reads it.
        server.WriteData("people.csv", Flows.PeopleCsv);
        await server.PublishAsync("""
            {"definitionId": "failing-view", "root": {"id": "root", "type": "Flowchart",
              "activities": [{"id": "read", "type": "CsvInput", "path": "people.csv"}, {"id": "only", "type": "Filter", "condition": "CAST(name AS INTEGER) > 1"}],
              "connections": [{"source": {"activity": "read", "port": "Done"}, "target": {"activity": "only", "port": "In"}}]}}
            """);

        // Act
        var response = await server.Operator.PostAsync("/api/workflows/failing-view/preview/only", Json("{}"));

        // Assert
        var problem = await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
        Assert.Contains("'only'", problem["detail"]!.GetValue<string>());
    }

    private static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
