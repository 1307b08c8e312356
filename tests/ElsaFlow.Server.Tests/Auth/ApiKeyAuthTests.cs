using System.Net;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Auth;
using ElsaFlow.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Server.Tests.Auth;

public sealed class ApiKeyAuthTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Health_WithoutKey_IsHealthy()
    {
        var health = await HttpAssert.Json(await server.Anonymous.GetAsync("/health"));

        Assert.Equal("Healthy", health["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Api_WithoutKey_Is401Problem()
    {
        var problem = await HttpAssert.Problem(await server.Anonymous.GetAsync("/api/activities"), HttpStatusCode.Unauthorized);

        Assert.Contains("X-Api-Key", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Api_WithUnknownKey_Is401()
    {
        var response = await server.ClientWithKey("not-a-key").GetAsync("/api/workflows");

        await HttpAssert.Problem(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Viewer_Reads_ButWritingIs403()
    {
        await HttpAssert.Json(await server.Viewer.GetAsync("/api/workflows"));

        await HttpAssert.Problem(await server.Viewer.PostJson("/api/workflows", JsonNode.Parse(Flows.Hello("viewer-made"))), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await server.Viewer.PostJson("/api/events/anything", null), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await server.Viewer.DeleteAsync("/api/instances/whatever"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Operator_AuthorsAndRuns()
    {
        var created = await server.Operator.PostJson("/api/workflows", JsonNode.Parse(Flows.Hello("operator-made")));
        await HttpAssert.Json(created, HttpStatusCode.Created);

        var run = await HttpAssert.Json(await server.Operator.PostJson("/api/workflows/operator-made/execute", null));

        Assert.Equal("Finished", run["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task KeyStore_KeepsOnlyHashes_InTheStore()
    {
        var records = await server.Services.GetRequiredService<IApiKeyRecordStore>().ListApiKeysAsync();

        Assert.Contains(records, r => r.Hash == StoreApiKeyStore.Hash(ServerFixture.AdminKey) && r.Role == "admin");
        Assert.DoesNotContain(records, r => r.Hash.Contains(ServerFixture.AdminKey) || r.Name.Contains(ServerFixture.AdminKey));
        Assert.False(File.Exists(Path.Combine(server.DataFolder, "api-keys.json")));
    }

    [Fact]
    public async Task OpenApiAndDocs_AreServedWithoutKey()
    {
        var document = await HttpAssert.Json(await server.Anonymous.GetAsync("/api/openapi/v1.json"));
        var docs = await server.Anonymous.GetAsync("/api/docs/");

        Assert.NotNull(document["paths"]!["/api/workflows/{definitionId}/execute"]);
        Assert.Equal("X-Api-Key", document["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }
}
