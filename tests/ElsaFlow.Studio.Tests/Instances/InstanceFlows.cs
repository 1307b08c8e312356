using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Studio.Tests.Support;

namespace ElsaFlow.Studio.Tests.Instances;

/// <summary>Flows and instances the instance-page tests start through the API (each test with its own ids).</summary>
internal static class InstanceFlows
{
    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>A flow with a Pause (resumed from the page) then a SetVariable and a Finish that report the payload.</summary>
    public static string PauseFlow(string id) => $$"""
        {"definitionId": "{{id}}", "name": "Approve {{id}}",
         "variables": [{"name": "approved", "type": "Boolean", "value": false}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "approval", "type": "Pause", "name": "approve-{{id}}"},
           {"id": "record", "type": "SetVariable", "variable": "approved", "value": {"expression": {"type": "JavaScript", "value": "incoming.approved === true"} } },
           {"id": "done", "type": "Finish", "outputs": {"approvedBy": {"expression": {"type": "JavaScript", "value": "outputs.approval.by"} } } }
         ]} }
        """;

    /// <summary>An Event activity waiting on a named event, then a Log of the payload and a Finish.</summary>
    public static string EventFlow(string id, string eventName) => $$"""
        {"definitionId": "{{id}}", "name": "Wait for {{eventName}}",
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "wait", "type": "Event", "name": "{{eventName}}"},
           {"id": "say", "type": "Log", "message": {"expression": {"type": "JavaScript", "value": "'got ' + incoming.colour"} } },
           {"id": "done", "type": "Finish"}
         ]} }
        """;

    /// <summary>CsvInput -> Sort (amount, descending) -> CsvOutput.</summary>
    public static string SortFlow(string id, string input, string output) => $$"""
        {"definitionId": "{{id}}", "name": "Sort {{id}}",
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "CsvInput", "path": "{{input}}"},
           {"id": "top", "type": "Sort", "by": [{"column": "amount", "descending": true}]},
           {"id": "out", "type": "CsvOutput", "path": "{{output}}"}
         ],
         "connections": [
           {"source": {"activity": "read", "port": "Done"}, "target": {"activity": "top", "port": "In"} },
           {"source": {"activity": "top", "port": "Done"}, "target": {"activity": "out", "port": "In"} }
         ]} }
        """;

    /// <summary>Starts an instance and answers at once with its id.</summary>
    public static async Task<string> DispatchAsync(this StudioServer server, string definitionId)
    {
        var response = await server.Admin.PostAsJsonAsync($"/api/workflows/{definitionId}/dispatch", new JsonObject());
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["instanceId"]!.GetValue<string>();
    }

    /// <summary>Runs an instance to its end (or until it waits) and answers with its id and status.</summary>
    public static async Task<(string Id, string Status)> ExecuteAsync(this StudioServer server, string definitionId)
    {
        var response = await server.Admin.PostAsJsonAsync($"/api/workflows/{definitionId}/execute", new JsonObject());
        response.EnsureSuccessStatusCode();
        var run = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (run["instanceId"]!.GetValue<string>(), run["status"]!.GetValue<string>());
    }

    public static async Task<JsonObject> InstanceAsync(this StudioServer server, string instanceId) =>
        (await server.Admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;

    /// <summary>Waits until the instance has the status (instances started with dispatch settle on their own).</summary>
    public static async Task WaitForStatusAsync(this StudioServer server, string instanceId, string status)
    {
        for (var i = 0; i < 100; i++)
        {
            // Right after a dispatch the instance may not be stored yet (404).
            var response = await server.Admin.GetAsync($"/api/instances/{instanceId}");
            if (response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonObject>())!["instance"]!["status"]!.GetValue<string>() == status) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Instance {instanceId} did not become {status}");
    }
}
