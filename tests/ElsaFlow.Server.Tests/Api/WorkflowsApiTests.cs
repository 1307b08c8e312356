using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Server.Tests.Support;

namespace ElsaFlow.Server.Tests.Api;

public sealed class WorkflowsApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Create_ValidDocument_Is201DraftVersion1()
    {
        var created = await HttpAssert.Json(await server.Admin.PostJson("/api/workflows", JsonNode.Parse(Flows.Hello("create-me"))), HttpStatusCode.Created);

        Assert.Equal(1, created["version"]!.GetValue<int>());
        Assert.False(created["isPublished"]!.GetValue<bool>());
        Assert.Empty(created["problems"]!.AsArray());
        Assert.Equal("create-me", created["document"]!["definitionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_Twice_Is409()
    {
        await server.Admin.PostJson("/api/workflows", JsonNode.Parse(Flows.Hello("twice")));

        await HttpAssert.Problem(await server.Admin.PostJson("/api/workflows", JsonNode.Parse(Flows.Hello("twice"))), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Create_InvalidFlow_IsSavedAsDraftWithItsProblems()
    {
        var created = await HttpAssert.Json(await server.Admin.PostJson("/api/workflows", JsonNode.Parse(Flows.Invalid)), HttpStatusCode.Created);

        var problems = created["problems"]!.AsArray();
        Assert.Contains(problems, p => p!["activityId"]?.GetValue<string>() == "b");
    }

    [Fact]
    public async Task Create_DocumentWithoutId_Is400WithProblemList()
    {
        var problem = await HttpAssert.Problem(await server.Admin.PostJson("/api/workflows", new JsonObject { ["name"] = "no id" }), HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem["problems"]!.AsArray());
        Assert.NotNull(problem["problems"]![0]!["message"]);
    }

    [Fact]
    public async Task Publish_InvalidDraft_Is400ListingEveryProblem()
    {
        await server.Admin.PostJson("/api/workflows", JsonNode.Parse(Flows.Invalid.Replace("\"broken\"", "\"broken-publish\"")));

        var problem = await HttpAssert.Problem(await server.Admin.PostAsync("/api/workflows/broken-publish/publish", null), HttpStatusCode.BadRequest);

        var problems = problem["problems"]!.AsArray().Select(p => p!.AsObject()).ToList();
        Assert.True(problems.Count >= 2, problem.ToJsonString());
        Assert.All(problems, p => Assert.Equal("broken-publish", p["definitionId"]!.GetValue<string>()));
        Assert.Contains(problems, p => p["activityId"]?.GetValue<string>() == "b");
        Assert.Contains(problems, p => p.ContainsKey("field"));
    }

    [Fact]
    public async Task ListAndSearch_FindByIdOrName()
    {
        await server.PublishAsync(Flows.Hello("searchable-one"));
        await server.Admin.PostJson("/api/workflows", JsonNode.Parse(Flows.Hello("other-two")));

        var found = (await HttpAssert.Json(await server.Viewer.GetAsync("/api/workflows?search=searchable"))).AsArray();
        var all = (await HttpAssert.Json(await server.Viewer.GetAsync("/api/workflows"))).AsArray();

        var one = Assert.Single(found)!;
        Assert.Equal(1, one["publishedVersion"]!.GetValue<int>());
        Assert.Contains(all, w => w!["definitionId"]!.GetValue<string>() == "other-two");
    }

    [Fact]
    public async Task List_ShowsTheNewestRunOfEachDefinition()
    {
        await server.PublishAsync(Flows.Hello("ran-twice"));
        await server.Admin.PostJson("/api/workflows", JsonNode.Parse(Flows.Hello("never-ran")));
        await HttpAssert.Json(await server.Admin.PostJson("/api/workflows/ran-twice/execute", null));
        var second = await HttpAssert.Json(await server.Admin.PostJson("/api/workflows/ran-twice/execute", null));

        var ran = Assert.Single((await HttpAssert.Json(await server.Viewer.GetAsync("/api/workflows?search=ran-twice"))).AsArray())!;
        var never = Assert.Single((await HttpAssert.Json(await server.Viewer.GetAsync("/api/workflows?search=never-ran"))).AsArray())!;

        Assert.Equal(second["instanceId"]!.GetValue<string>(), ran["lastRun"]!["instanceId"]!.GetValue<string>());
        Assert.Equal("Finished", ran["lastRun"]!["status"]!.GetValue<string>());
        Assert.NotNull(ran["lastRun"]!["finishedAt"]);
        Assert.Null(never["lastRun"]);
    }

    [Fact]
    public async Task Get_Unknown_Is404()
    {
        await HttpAssert.Problem(await server.Viewer.GetAsync("/api/workflows/nope"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await server.Admin.PutAsJsonAsync("/api/workflows/nope", JsonNode.Parse(Flows.Hello("nope"))), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await server.Admin.PostAsync("/api/workflows/nope/publish", null), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await server.Viewer.GetAsync("/api/workflows/nope/versions"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_ChangedDocument_IsNewDraftVersion_PublishedStays()
    {
        await server.PublishAsync(Flows.Hello("versioned"));
        var changed = JsonNode.Parse(Flows.Hello("versioned"))!.AsObject();
        changed["name"] = "Renamed";

        var updated = await HttpAssert.Json(await server.Admin.PutAsJsonAsync("/api/workflows/versioned", changed));
        var same = await HttpAssert.Json(await server.Admin.PutAsJsonAsync("/api/workflows/versioned", changed));
        var versions = (await HttpAssert.Json(await server.Viewer.GetAsync("/api/workflows/versioned/versions"))).AsArray();

        Assert.Equal(2, updated["version"]!.GetValue<int>());
        Assert.False(updated["isPublished"]!.GetValue<bool>());
        Assert.Equal(2, same["version"]!.GetValue<int>());
        Assert.Equal([2, 1], versions.Select(v => v!["version"]!.GetValue<int>()));
        Assert.True(versions[1]!["isPublished"]!.GetValue<bool>());
    }

    [Fact]
    public async Task VersionsPublishUnpublishRestore_FollowTheLifecycle()
    {
        await server.PublishAsync(Flows.Hello("lifecycle"));
        var changed = JsonNode.Parse(Flows.Hello("lifecycle"))!.AsObject();
        changed["name"] = "Second";
        await server.Admin.PutAsJsonAsync("/api/workflows/lifecycle", changed);

        var published = await HttpAssert.Json(await server.Admin.PostAsync("/api/workflows/lifecycle/publish", null));
        var first = await HttpAssert.Json(await server.Viewer.GetAsync("/api/workflows/lifecycle/versions/1"));
        var restored = await HttpAssert.Json(await server.Admin.PostAsync("/api/workflows/lifecycle/versions/1/restore", null));
        var unpublished = await server.Admin.PostAsync("/api/workflows/lifecycle/unpublish", null);
        var list = (await HttpAssert.Json(await server.Viewer.GetAsync("/api/workflows?search=lifecycle"))).AsArray();

        Assert.Equal(2, published["version"]!.GetValue<int>());
        Assert.True(published["isPublished"]!.GetValue<bool>());
        Assert.False(first["isPublished"]!.GetValue<bool>());
        Assert.Equal(3, restored["version"]!.GetValue<int>());
        Assert.Equal("Hello lifecycle", restored["document"]!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, unpublished.StatusCode);
        Assert.Null(list.Single()!["publishedVersion"]);
        await HttpAssert.Problem(await server.Viewer.GetAsync("/api/workflows/lifecycle/versions/9"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_RemovesEveryVersion()
    {
        await server.PublishAsync(Flows.Hello("doomed"));

        var deleted = await server.Admin.DeleteAsync("/api/workflows/doomed");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await HttpAssert.Problem(await server.Viewer.GetAsync("/api/workflows/doomed"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await server.Admin.DeleteAsync("/api/workflows/doomed"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SensitiveInput_IsMaskedInAnswers_KeptOnUpdate_AndExported()
    {
        var created = await HttpAssert.Json(await server.Admin.PostJson("/api/workflows", JsonNode.Parse(Flows.Http)), HttpStatusCode.Created);
        var document = created["document"]!.AsObject();
        Assert.Equal("***", document["root"]!["activities"]![0]!["headers"]!.GetValue<string>());

        document["root"]!["activities"]![0]!["url"] = "http://localhost:1/other";
        var updated = await HttpAssert.Json(await server.Admin.PutAsJsonAsync("/api/workflows/http-secret", document));
        var exported = await server.Admin.GetStringAsync("/api/workflows/http-secret/export?format=json");

        Assert.Equal(2, updated["version"]!.GetValue<int>());
        Assert.Contains("Bearer s3cret", exported);
        Assert.Contains("http://localhost:1/other", exported);
        Assert.DoesNotContain("s3cret", await server.Viewer.GetStringAsync("/api/workflows/http-secret"));
    }
}
