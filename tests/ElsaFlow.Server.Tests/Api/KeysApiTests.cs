using System.Net;
using System.Text.Json.Nodes;
using ElsaFlow.Server.Tests.Support;

namespace ElsaFlow.Server.Tests.Api;

public sealed class KeysApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Create_ViewerKey_WorksUntilDeleted()
    {
        var created = await HttpAssert.Json(await server.Admin.PostJson("/api/keys", new JsonObject { ["name"] = "dashboard", ["role"] = "Viewer" }),
            HttpStatusCode.Created);
        var id = created["key"]!["id"]!.GetValue<string>();
        var client = server.ClientWithKey(created["secret"]!.GetValue<string>());

        await HttpAssert.Json(await client.GetAsync("/api/workflows"));
        await HttpAssert.Problem(await client.PostJson("/api/workflows", JsonNode.Parse(Flows.Hello("from-dashboard"))), HttpStatusCode.Forbidden);
        var listed = (await HttpAssert.Json(await server.Admin.GetAsync("/api/keys"))).AsArray();
        var deleted = await server.Admin.DeleteAsync($"/api/keys/{id}");

        Assert.Contains(listed, k => k!["name"]!.GetValue<string>() == "dashboard" && k["secret"] is null && k["hash"] is null);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await HttpAssert.Problem(await client.GetAsync("/api/workflows"), HttpStatusCode.Unauthorized);
        await HttpAssert.Problem(await server.Admin.DeleteAsync($"/api/keys/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Keys_AreAdminOnly()
    {
        await HttpAssert.Problem(await server.Operator.GetAsync("/api/keys"), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await server.Operator.PostJson("/api/keys", new JsonObject { ["name"] = "x", ["role"] = "Admin" }), HttpStatusCode.Forbidden);
    }
}
