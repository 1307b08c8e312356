using System.Text.Json.Nodes;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Runtime;

namespace ElsaFlow.Activities.Tests.Importers;

/// <summary>Helpers for the importer tests: write a foreign flow into the data root, run it through the loader, read its log.</summary>
internal static class ImportedFlows
{
    public static async Task<WorkflowRunResult> RunAsync(DataHarness data, string fileName, string flow, JsonObject? inputs = null) =>
        await data.RunFileAsync(data.PathOf(data.WriteFile(fileName, flow)), inputs);

    /// <summary>Every Log line of the instance, in the order written.</summary>
    public static async Task<List<string>> LinesAsync(DataHarness data, WorkflowRunResult result) =>
        (await data.Store.GetLogsAsync(result.InstanceId)).OrderBy(l => l.Sequence).Select(l => l.Message).ToList();

    public static string Row(JsonObject row) => string.Join("|", row.Select(p => p.Value?.ToString() ?? "null"));
}
