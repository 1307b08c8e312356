using System.CommandLine;
using System.Net;
using System.Text.Json.Nodes;
using ElsaFlow.Cli.Output;
using ElsaFlow.Cli.Remote;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;
using Spectre.Console;

namespace ElsaFlow.Cli.Commands;

/// <summary>
/// <c>elsaflow submit FILE --server URL --key K</c>: runs a flow on a remote server: imports the file, publishes it,
/// dispatches an instance and follows its journal and logs until it settles; exit codes as for <c>run</c>.
/// </summary>
public static class SubmitCommand
{
    /// <summary>Bookmarks the server resumes by itself (timers): an instance waiting only on these is still followed.</summary>
    private static readonly HashSet<string> TimerBookmarks = [BookmarkNames.Delay, BookmarkNames.ActivityDelay, BookmarkNames.Retry, BookmarkNames.Timeout];

    private static readonly Argument<string> File = new("file") { Description = "The flow file (.json, .yaml, .yml or .xml)" };
    private static readonly Option<string> Server = new("--server") { Description = "The server's base URL, e.g. http://localhost:5000", Required = true };
    private static readonly Option<string> Key = new("--key")
    {
        Description = "An operator or admin API key (default: $ELSAFLOW_API_KEY)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ELSAFLOW_API_KEY") ?? ""
    };
    private static readonly Option<string[]> Inputs = new("--input", "-i")
    {
        Description = "A workflow input as name=value; the value is read as JSON when it parses, else as text",
        HelpName = "NAME=VALUE",
        Arity = ArgumentArity.ZeroOrMore
    };
    private static readonly Option<TimeSpan> PollEvery = new("--poll")
    {
        Description = "How often to ask the server for progress",
        DefaultValueFactory = _ => TimeSpan.FromMilliseconds(250)
    };

    public static Command Create()
    {
        var command = new Command("submit", "Run a flow on a remote server and follow it; exits 0 finished, 1 faulted, 2 invalid, 3 waiting, 4 cancelled")
        {
            File, Server, Key, Inputs, PollEvery
        };
        CommandActions.Set(command, SubmitAsync);
        return command;
    }

    private static async Task<int> SubmitAsync(ParseResult parse, CancellationToken ct)
    {
        var path = parse.GetValue(File)!;
        if (!System.IO.File.Exists(path)) throw CliException.Invalid($"file '{path}' does not exist");
        if (!Uri.TryCreate(parse.GetValue(Server), UriKind.Absolute, out var server)) throw CliException.Invalid("--server must be an absolute URL");
        var key = parse.GetValue(Key);
        if (string.IsNullOrWhiteSpace(key)) throw CliException.Invalid("give an API key with --key or $ELSAFLOW_API_KEY");
        var inputs = InputValues.Parse(parse.GetValue(Inputs) ?? []);

        using var client = new ServerClient(server, key);
        try
        {
            var definitionId = await client.ImportAsync(await System.IO.File.ReadAllTextAsync(path, ct), FormatOf(path), ct);
            await client.PublishAsync(definitionId, ct);
            var instanceId = await client.DispatchAsync(definitionId, inputs, ct);
            Terminal.Out.MarkupLine(Markup.Escape($"instance {instanceId} started on {server} (flow {definitionId})"));
            return await FollowAsync(client, instanceId, parse.GetValue(PollEvery), ct);
        }
        catch (RemoteProblem problem)
        {
            Console.Error.WriteLine($"error: {path}: {problem.Message}");
            foreach (var line in problem.Problems) Console.Error.WriteLine($"  {line}");
            return problem.Status switch
            {
                HttpStatusCode.Conflict => ExitCodes.Conflict,
                >= HttpStatusCode.InternalServerError => ExitCodes.Faulted,
                _ => ExitCodes.InvalidInput
            };
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"error: cannot reach {server}: {e.Message}");
            return ExitCodes.Faulted;
        }
    }

    private static async Task<int> FollowAsync(ServerClient client, string instanceId, TimeSpan pollEvery, CancellationToken ct)
    {
        var progress = new ProgressObserver(Terminal.Out);
        long journalSeen = -1, logSeen = -1;
        while (true)
        {
            // Read the status first: journal and logs read afterwards hold everything up to it.
            var details = await client.GetInstanceAsync(instanceId, ct);
            foreach (var entry in (await client.GetJournalAsync(instanceId, ct)).Where(e => e.Sequence > journalSeen))
            {
                progress.OnJournal(entry);
                journalSeen = entry.Sequence;
            }
            foreach (var entry in (await client.GetLogsAsync(instanceId, ct)).Where(e => e.Sequence > logSeen))
            {
                progress.OnLog(entry);
                logSeen = entry.Sequence;
            }
            var status = Enum.Parse<WorkflowStatus>(details["instance"]!["status"]!.GetValue<string>());
            if (status != WorkflowStatus.Running && !WaitsOnTimersOnly(details, status)) return PrintResult(instanceId, status, details);
            await Task.Delay(pollEvery, ct);
        }
    }

    private static bool WaitsOnTimersOnly(JsonObject details, WorkflowStatus status) =>
        status == WorkflowStatus.Suspended && details["bookmarks"] is JsonArray { Count: > 0 } bookmarks
        && bookmarks.All(b => TimerBookmarks.Contains(b?["name"]?.GetValue<string>() ?? ""));

    private static int PrintResult(string instanceId, WorkflowStatus status, JsonObject details)
    {
        var console = Terminal.Out;
        var id = Markup.Escape(instanceId);
        switch (status)
        {
            case WorkflowStatus.Finished:
                console.MarkupLine($"[green]instance {id} finished[/]");
                if (details["outputs"] is JsonObject outputs)
                    foreach (var (name, value) in outputs) console.MarkupLine($"  {Markup.Escape(name)} = {Markup.Escape(value?.ToJsonString() ?? "null")}");
                break;
            case WorkflowStatus.Faulted:
                var activity = details["faultedActivityId"]?.GetValue<string>() is { } a ? $" in activity '{Markup.Escape(a)}'" : "";
                var error = details["instance"]?["error"]?.GetValue<string>() ?? "unknown error";
                console.MarkupLine($"[red]instance {id} faulted{activity}: {Markup.Escape(error)}[/]");
                break;
            case WorkflowStatus.Cancelled:
                console.MarkupLine($"[yellow]instance {id} was cancelled[/]");
                break;
            default:
                console.MarkupLine($"[blue]instance {id} is waiting[/] (resume it through the server's API)");
                break;
        }
        return ResultPrinter.ExitCodeFor(status);
    }

    private static string FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => "yaml",
        ".xml" => "xml",
        _ => "json"
    };
}
