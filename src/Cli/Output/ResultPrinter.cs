using System.Text.Json.Nodes;
using ElsaFlow.Activities.Preview;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;
using Spectre.Console;

namespace ElsaFlow.Cli.Output;

/// <summary>Prints where an instance stands once it settled, and turns its status into the exit code.</summary>
public static class ResultPrinter
{
    public static int ExitCodeFor(WorkflowStatus status) => status switch
    {
        WorkflowStatus.Finished => ExitCodes.Finished,
        WorkflowStatus.Faulted => ExitCodes.Faulted,
        WorkflowStatus.Cancelled => ExitCodes.Cancelled,
        // Running here means another live process owns it: like a wait, the caller must come back later.
        _ => ExitCodes.Waiting
    };

    public static int Print(WorkflowRunResult result, bool json, IReadOnlyList<ActivityRowCount>? rows = null)
    {
        rows ??= [];
        if (json)
        {
            var document = ToJson(result);
            document["rows"] = new JsonObject(rows.Select(r => KeyValuePair.Create(r.ActivityId, (JsonNode?)JsonValue.Create(r.RowCount))));
            CliJson.Write(document);
        }
        else
        {
            PrintText(result);
            RowCountTable.Print(Terminal.Out, rows);
        }
        return ExitCodeFor(result.Status);
    }

    public static JsonObject ToJson(WorkflowRunResult result) => new()
    {
        ["instanceId"] = result.InstanceId,
        ["definitionId"] = result.DefinitionId,
        ["version"] = result.DefinitionVersion,
        ["status"] = result.Status.ToString(),
        ["variables"] = result.Variables.DeepClone(),
        ["outputs"] = result.Outputs.DeepClone(),
        ["bookmarks"] = new JsonArray(result.Bookmarks.Select(b => (JsonNode)new JsonObject
        {
            ["id"] = b.Id, ["instanceId"] = b.InstanceId, ["name"] = b.Name, ["matchKey"] = b.MatchKey, ["activityId"] = b.ActivityId
        }).ToArray()),
        ["error"] = result.Error,
        ["faultedActivityId"] = result.FaultedActivityId
    };

    private static void PrintText(WorkflowRunResult result)
    {
        var console = Terminal.Out;
        var id = Markup.Escape(result.InstanceId);
        switch (result.Status)
        {
            case WorkflowStatus.Finished:
                console.MarkupLine($"[green]instance {id} finished[/]");
                PrintVariables(console, result.Variables);
                PrintOutputs(console, result.Outputs);
                break;
            case WorkflowStatus.Faulted:
                var activity = result.FaultedActivityId is null ? "" : $" in activity '{Markup.Escape(result.FaultedActivityId)}'";
                console.MarkupLine($"[red]instance {id} faulted{activity}: {Markup.Escape(result.Error ?? "unknown error")}[/]");
                break;
            case WorkflowStatus.Cancelled:
                console.MarkupLine($"[yellow]instance {id} was cancelled[/]");
                break;
            case WorkflowStatus.Running:
                console.MarkupLine($"[yellow]instance {id} is running in another process[/]");
                break;
            default:
                PrintWaiting(console, result);
                break;
        }
    }

    private static void PrintVariables(IAnsiConsole console, JsonObject variables)
    {
        foreach (var (name, value) in variables)
            console.MarkupLine($"  {Markup.Escape(name)} = {Markup.Escape(value?.ToJsonString() ?? "null")}");
    }

    // What a Finish activity gave back, under its own heading so it is not read as a variable.
    private static void PrintOutputs(IAnsiConsole console, JsonObject outputs)
    {
        if (outputs.Count == 0) return;
        console.MarkupLine("outputs:");
        foreach (var (name, value) in outputs)
            console.MarkupLine($"  {Markup.Escape(name)} = {Markup.Escape(value?.ToJsonString() ?? "null")}");
    }

    private static void PrintWaiting(IAnsiConsole console, WorkflowRunResult result)
    {
        var id = Markup.Escape(result.InstanceId);
        console.MarkupLine($"[blue]instance {id} is waiting[/]");
        var table = new Table().AddColumns("bookmark", "name", "match key", "activity", "instance");
        foreach (var b in result.Bookmarks)
            table.AddRow(Markup.Escape(b.Id), Markup.Escape(b.Name), Markup.Escape(b.MatchKey ?? ""), Markup.Escape(b.ActivityId), Markup.Escape(b.InstanceId));
        console.Write(table);
        console.MarkupLine("resume it with:");
        foreach (var b in result.Bookmarks)
        {
            var how = b.Name == BookmarkNames.Event && b.MatchKey is not null
                ? $"--event {b.MatchKey}"
                : $"--bookmark {b.Id}";
            console.MarkupLine(Markup.Escape($"  elsaflow resume {b.InstanceId} {how} --payload '{{...}}'"));
        }
    }
}
