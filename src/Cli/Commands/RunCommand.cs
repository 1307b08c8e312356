using System.CommandLine;
using System.Text.Json.Nodes;
using ElsaFlow.Cli.Hosting;
using ElsaFlow.Cli.Output;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Secrets;
using ElsaFlow.Engine.Validation;
using Spectre.Console;

namespace ElsaFlow.Cli.Commands;

/// <summary><c>elsaflow run FILE</c>: loads, validates and runs a flow in this process with live progress.</summary>
public static class RunCommand
{
    private static readonly Argument<string> File = new("file") { Description = "The flow file (.json, .yaml, .yml or .xml)" };

    private static readonly Option<string[]> Inputs = new("--input", "-i")
    {
        Description = "A workflow input as name=value; the value is read as JSON when it parses, else as text",
        HelpName = "NAME=VALUE",
        Arity = ArgumentArity.ZeroOrMore
    };

    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON object with the result on stdout; progress goes to stderr" };
    private static readonly Option<string?> CorrelationId = new("--correlation-id") { Description = "A correlation id to find the instance by" };

    public static Command Create()
    {
        var command = new Command("run", "Run a flow in this process; exits 0 finished, 1 faulted, 2 invalid, 3 waiting, 4 cancelled")
        {
            File, Inputs, Json, CorrelationId, InstanceWaiter.TableCountsOnly
        };
        CommandActions.Set(command, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var json = parse.GetValue(Json);
        var path = parse.GetValue(File)!;
        var inputs = InputValues.Parse(parse.GetValue(Inputs) ?? []);
        if (!System.IO.File.Exists(path)) throw CliException.Invalid($"file '{path}' does not exist");

        var console = json ? Terminal.Error : Terminal.Out;
        var progress = new ProgressObserver(console);
        await using var host = CliHost.Create(parse, openStore: true, progress, runsInstance: true, usesConnections: true);
        var loaded = host.Loader.LoadFile(path);
        if (!loaded.IsValid) return ReportProblems(path, loaded.Problems, json);

        var definition = loaded.Definition!;
        progress.Secrets = InstanceSecrets.FromInputs(SensitiveWorkflowInputs.Find(definition, host.Registry), inputs);
        var request = new StartWorkflowRequest { Definition = definition, Inputs = inputs, CorrelationId = parse.GetValue(CorrelationId) };
        var instanceId = await host.Runtime.StartAsync(request, ct);
        console.MarkupLine(Markup.Escape($"instance {instanceId} started (flow {definition.DefinitionId} v{definition.Version})"));
        InstanceWaiter.WarnIfDeprecated(parse);
        return await InstanceWaiter.WaitAndPrintAsync(host, instanceId, json, ct);
    }

    private static int ReportProblems(string path, IReadOnlyList<ValidationProblem> problems, bool json)
    {
        if (json)
            CliJson.Write(new JsonObject
            {
                ["status"] = "Invalid",
                ["error"] = $"{path} is not a valid flow",
                ["problems"] = new JsonArray(problems.Select(p => (JsonNode)JsonValue.Create(p.ToString())).ToArray())
            });
        ValidateCommand.PrintProblems(Console.Error, path, problems);
        return ExitCodes.InvalidInput;
    }
}
