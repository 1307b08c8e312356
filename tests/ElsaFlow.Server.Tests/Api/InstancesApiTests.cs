using System.Net;
using System.Text.Json.Nodes;
using ElsaFlow.Server.Tests.Support;

namespace ElsaFlow.Server.Tests.Api;

public sealed class InstancesApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task List_FiltersAndPages_WithTotal()
    {
        await server.PublishAsync(Flows.Hello("paged"));
        for (var i = 0; i < 3; i++) await server.Admin.PostJson("/api/workflows/paged/execute?correlationId=paging", null);

        var first = await HttpAssert.Json(await server.Viewer.GetAsync("/api/instances?definition=paged&take=2"));
        var second = await HttpAssert.Json(await server.Viewer.GetAsync("/api/instances?definition=paged&skip=2&take=2"));
        var finished = await HttpAssert.Json(await server.Viewer.GetAsync("/api/instances?correlationId=paging&status=Finished"));
        var none = await HttpAssert.Json(await server.Viewer.GetAsync("/api/instances?definition=paged&createdAfter=2999-01-01T00:00:00Z"));
        var before = await HttpAssert.Json(await server.Viewer.GetAsync("/api/instances?definition=paged&createdBefore=2999-01-01T00:00:00Z"));

        Assert.Equal(3, first["total"]!.GetValue<int>());
        Assert.Equal(2, first["items"]!.AsArray().Count);
        Assert.Single(second["items"]!.AsArray());
        Assert.Equal(3, finished["total"]!.GetValue<int>());
        Assert.Equal(0, none["total"]!.GetValue<int>());
        Assert.Equal(3, before["total"]!.GetValue<int>());
        await HttpAssert.Problem(await server.Viewer.GetAsync("/api/instances?take=0"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Get_ShowsStateJournalAndLogs()
    {
        await server.PublishAsync(Flows.Hello("inspected"));
        var run = await HttpAssert.Json(await server.Admin.PostJson("/api/workflows/inspected/execute", new JsonObject { ["who"] = "Cy" }));
        var id = run["instanceId"]!.GetValue<string>();

        var details = await HttpAssert.Json(await server.Viewer.GetAsync($"/api/instances/{id}"));
        var journal = (await HttpAssert.Json(await server.Viewer.GetAsync($"/api/instances/{id}/journal"))).AsArray();
        var logs = (await HttpAssert.Json(await server.Viewer.GetAsync($"/api/instances/{id}/logs"))).AsArray();

        Assert.Equal("Finished", details["instance"]!["status"]!.GetValue<string>());
        Assert.Equal("Cy", details["inputs"]!["who"]!.GetValue<string>());
        Assert.Equal("hello Cy", details["outputs"]!["greeting"]!.GetValue<string>());
        Assert.Contains(journal, e => e!["kind"]!.GetValue<string>() == "WorkflowFinished");
        Assert.Contains(logs, l => l!["message"]!.GetValue<string>() == "hello Cy");
    }

    [Fact]
    public async Task Get_InputFeedingASensitiveInput_IsMasked()
    {
        await server.PublishAsync(Flows.HttpWithToken);
        var run = await HttpAssert.Json(await server.Admin.PostJson("/api/workflows/http-token/execute", new JsonObject { ["token"] = "t0ps3cret" }));

        var body = await server.Viewer.GetStringAsync($"/api/instances/{run["instanceId"]}");

        Assert.DoesNotContain("t0ps3cret", body);
        var details = JsonNode.Parse(body)!;
        Assert.Equal("***", details["inputs"]!["token"]!.GetValue<string>());
        Assert.Equal("visible", details["inputs"]!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownInstance_Is404Everywhere()
    {
        await HttpAssert.Problem(await server.Viewer.GetAsync("/api/instances/nope"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await server.Viewer.GetAsync("/api/instances/nope/journal"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await server.Viewer.GetAsync("/api/instances/nope/logs"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await server.Admin.PostAsync("/api/instances/nope/cancel", null), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await server.Admin.PostAsync("/api/instances/nope/retry", null), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await server.Admin.PostJson("/api/instances/nope/resume", new JsonObject { ["bookmarkId"] = "nope.1" }), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await server.Admin.DeleteAsync("/api/instances/nope"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Resume_WithPayload_Finishes_AndASecondResumeIs409()
    {
        await server.PublishAsync(Flows.Pause);
        var waiting = await HttpAssert.Json(await server.Admin.PostJson("/api/workflows/approval/execute", null));
        var id = waiting["instanceId"]!.GetValue<string>();
        var bookmarkId = waiting["bookmarks"]![0]!["id"]!.GetValue<string>();
        Assert.Equal("Suspended", waiting["status"]!.GetValue<string>());

        var resume = new JsonObject { ["bookmarkId"] = bookmarkId, ["payload"] = new JsonObject { ["by"] = "Dee" } };
        var done = await HttpAssert.Json(await server.Operator.PostJson($"/api/instances/{id}/resume", resume));
        var again = await server.Operator.PostJson($"/api/instances/{id}/resume", resume.DeepClone());

        Assert.Equal("Finished", done["status"]!.GetValue<string>());
        Assert.Equal("Dee", done["outputs"]!["by"]!.GetValue<string>());
        await HttpAssert.Problem(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancel_SuspendedInstance_IsCancelled()
    {
        await server.PublishAsync(Flows.Pause.Replace("\"approval\"", "\"cancel-me\""));
        var waiting = await HttpAssert.Json(await server.Admin.PostJson("/api/workflows/cancel-me/execute", null));

        var cancelled = await HttpAssert.Json(await server.Admin.PostAsync($"/api/instances/{waiting["instanceId"]}/cancel", null));

        Assert.Equal("Cancelled", cancelled["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retry_FaultedInstance_RunsTheFailedActivityAgain()
    {
        await server.PublishAsync(Flows.Faulting);
        var faulted = await HttpAssert.Json(await server.Admin.PostJson("/api/workflows/faulting/execute", null));
        var id = faulted["instanceId"]!.GetValue<string>();
        Assert.Equal("Faulted", faulted["status"]!.GetValue<string>());
        Assert.Equal("boom", faulted["faultedActivityId"]!.GetValue<string>());

        var retried = await HttpAssert.Json(await server.Admin.PostAsync($"/api/instances/{id}/retry", null));
        var journal = (await HttpAssert.Json(await server.Viewer.GetAsync($"/api/instances/{id}/journal"))).AsArray();

        Assert.Equal("Faulted", retried["status"]!.GetValue<string>());
        Assert.Contains(journal, e => e!["kind"]!.GetValue<string>() == "WorkflowRetried");
    }

    [Fact]
    public async Task Retry_FinishedInstance_Is409()
    {
        await server.PublishAsync(Flows.Hello("no-retry"));
        var run = await HttpAssert.Json(await server.Admin.PostJson("/api/workflows/no-retry/execute", null));

        await HttpAssert.Problem(await server.Admin.PostAsync($"/api/instances/{run["instanceId"]}/retry", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Delete_RemovesTheInstance()
    {
        await server.PublishAsync(Flows.Hello("delete-instance"));
        var run = await HttpAssert.Json(await server.Admin.PostJson("/api/workflows/delete-instance/execute", null));
        var id = run["instanceId"]!.GetValue<string>();

        var deleted = await server.Admin.DeleteAsync($"/api/instances/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await HttpAssert.Problem(await server.Viewer.GetAsync($"/api/instances/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RaiseEvent_ResumesWaitingInstances_WithThePayload()
    {
        await server.PublishAsync(Flows.Event);
        var waiting = await HttpAssert.Json(await server.Admin.PostJson("/api/workflows/payment/execute", null));
        var id = waiting["instanceId"]!.GetValue<string>();

        var raised = await HttpAssert.Json(await server.Operator.PostJson("/api/events/payment-received", new JsonObject { ["amount"] = 42 }));
        var nobody = await HttpAssert.Json(await server.Operator.PostJson("/api/events/nobody-listens", null));
        var details = await WaitForStatusAsync(id, "Finished");

        Assert.Equal(1, raised["resumed"]!.GetValue<int>());
        Assert.Equal(0, nobody["resumed"]!.GetValue<int>());
        Assert.Equal(42, details["variables"]!["paid"]!.GetValue<int>());
    }

    private async Task<JsonNode> WaitForStatusAsync(string id, string status)
    {
        for (var attempt = 0; ; attempt++)
        {
            var details = await HttpAssert.Json(await server.Viewer.GetAsync($"/api/instances/{id}"));
            if (details["instance"]!["status"]!.GetValue<string>() == status || attempt == 100) return details;
            await Task.Delay(100);
        }
    }
}
