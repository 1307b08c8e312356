using System.CommandLine;
using ElsaFlow.Cli.Hosting;
using ElsaFlow.Cli.Output;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Secrets;
using ElsaFlow.Engine.Store;
using ElsaFlow.Engine.Validation;
using Spectre.Console;

namespace ElsaFlow.Cli.Commands;

/// <summary>
/// <c>elsaflow preview ID ACTIVITY</c> shows what a finished activity of an instance produced;
/// <c>elsaflow preview FILE ACTIVITY</c> runs the flow up to that activity on the first rows of its inputs, writing nothing, and shows it.
/// </summary>
public static class PreviewCommand
{
    private static readonly string[] FlowExtensions = [".json", ".yaml", ".yml", ".xml"];

    private static readonly Argument<string> Target = new("target") { Description = "An instance id, or a flow file to run up to the activity without writing any output" };
    private static readonly Argument<string> Activity = new("activity") { Description = "The activity whose output to show" };
    private static readonly Option<int> Rows = new("--rows", "-n")
    {
        Description = "Rows to show; for a flow file also the rows each input reads", DefaultValueFactory = _ => 20
    };
    private static readonly Option<int> Offset = new("--offset") { Description = "Rows to skip before the ones shown" };
    private static readonly Option<string[]> Inputs = new("--input", "-i")
    {
        Description = "A workflow input as name=value (flow files only)", HelpName = "NAME=VALUE", Arity = ArgumentArity.ZeroOrMore
    };
    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON object with the preview on stdout" };

    public static Command Create()
    {
        var command = new Command("preview", "Show an activity's output (schema, row count, first rows) of an instance, or of a flow file run on the first rows; exits 0 shown, 1 faulted, 2 unknown instance/activity or no dataset")
        {
            Target, Activity, Rows, Offset, Inputs, Json
        };
        CommandActions.Set(command, PreviewAsync);
        return command;
    }

    private static async Task<int> PreviewAsync(ParseResult parse, CancellationToken ct)
    {
        // Checked here, not in a validator: a command validator does not see the options' default values.
        if (parse.GetValue(Rows) <= 0) throw CliException.Invalid("--rows must be at least 1");
        if (parse.GetValue(Offset) < 0) throw CliException.Invalid("--offset must not be negative");
        var target = parse.GetValue(Target)!;
        var isFile = File.Exists(target) || FlowExtensions.Contains(Path.GetExtension(target), StringComparer.OrdinalIgnoreCase);
        var inputs = parse.GetValue(Inputs) ?? [];
        if (!isFile && inputs.Length > 0) throw CliException.Invalid("--input applies to previewing a flow file, not an instance");

        // Progress goes to stderr: stdout holds only the preview.
        var progress = isFile ? new ProgressObserver(Terminal.Error) : null;
        await using var host = CliHost.Create(parse, openStore: true, progress, usesConnections: true);
        var instanceId = isFile ? await RunPreviewAsync(host, progress!, parse, target, InputValues.Parse(inputs), ct) : target;
        if (instanceId is null) return ExitCodes.InvalidInput;

        var activity = parse.GetValue(Activity)!;
        var preview = await host.Previewer.PreviewAsync(instanceId, activity, parse.GetValue(Offset), parse.GetValue(Rows), ct);
        PreviewPrinter.Print(instanceId, activity, preview, parse.GetValue(Json));
        return ExitCodes.Finished;
    }

    /// <summary>Runs the flow up to the activity; the instance id when it got there, else null after saying why.</summary>
    private static async Task<string?> RunPreviewAsync(CliHost host, ProgressObserver progress, ParseResult parse, string path, System.Text.Json.Nodes.JsonObject inputs,
        CancellationToken ct)
    {
        if (!File.Exists(path)) throw CliException.Invalid($"file '{path}' does not exist");
        var loaded = host.Loader.LoadFile(path);
        var activity = parse.GetValue(Activity)!;
        if (loaded.Definition is not { } definition)
        {
            ValidateCommand.PrintProblems(Console.Error, path, loaded.Problems);
            return null;
        }
        var ids = definition.AllActivities().Select(a => a.Id).ToList();
        if (!ids.Contains(activity, StringComparer.Ordinal))
            throw CliException.Invalid($"flow '{definition.DefinitionId}' has no activity '{activity}'; its activities are {string.Join(", ", ids)}");
        // Only the activity and what comes before it run: later steps may still be unfinished.
        var blocking = PreviewScope.Blocking(definition, activity, loaded.Problems);
        if (blocking.Count > 0)
        {
            ValidateCommand.PrintProblems(Console.Error, path, blocking);
            return null;
        }
        progress.Secrets = InstanceSecrets.FromInputs(SensitiveWorkflowInputs.Find(definition, host.Registry), inputs);

        var request = new StartWorkflowRequest
        {
            Definition = definition, Inputs = inputs, PreviewActivityId = activity, PreviewRows = parse.GetValue(Rows) + parse.GetValue(Offset)
        };
        var instanceId = await host.Runtime.StartAsync(request, ct);
        Terminal.Error.MarkupLine(Markup.Escape($"instance {instanceId} started (preview of {activity}, first {request.PreviewRows} rows of each input, no output written)"));
        var result = progress.Secrets.Redact(await host.Runtime.WaitAsync(instanceId, ct));
        if (result.Status == WorkflowStatus.Finished) return instanceId;
        throw new CliException(ResultPrinter.ExitCodeFor(result.Status), result.Status == WorkflowStatus.Faulted
            ? $"the preview run faulted{(result.FaultedActivityId is null ? "" : $" in activity '{result.FaultedActivityId}'")}: {result.Error}"
            : $"the preview run stopped before '{activity}': instance {instanceId} is {result.Status}");
    }
}
