using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Cli.Hosting;
using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Loading.Exporters;

namespace ElsaFlow.Cli.Commands;

/// <summary><c>elsaflow export FILE --format elsa3|json|yaml|xml [-o OUT]</c>: writes a flow file in another format; elsa3 for going back to Elsa.</summary>
public static class ExportCommand
{
    private static readonly Argument<string> File = new("file") { Description = "The flow file (native, NiceFlow or Elsa 3)" };
    private static readonly Option<string> Format = new("--format", "-f") { Description = "elsa3, json, yaml or xml", DefaultValueFactory = _ => "elsa3" };
    private static readonly Option<string?> Output = new("--output", "-o") { Description = "Where to write it (default: print it)" };

    public static Command Create()
    {
        var command = new Command("export", "Write a flow as an Elsa 3 definition (or native JSON, YAML, XML)") { File, Format, Output };
        CommandActions.Set(command, ExportAsync);
        return command;
    }

    private static async Task<int> ExportAsync(ParseResult parse, CancellationToken ct)
    {
        var path = parse.GetValue(File)!;
        if (!System.IO.File.Exists(path)) throw CliException.Invalid($"file '{path}' does not exist");
        await using var host = CliHost.Create(parse, openStore: false);
        var loaded = host.Loader.LoadFile(path);
        if (!loaded.IsValid)
        {
            ValidateCommand.PrintProblems(Console.Error, path, loaded.Problems);
            return ExitCodes.InvalidInput;
        }
        var format = parse.GetValue(Format)!.ToLowerInvariant();
        string text;
        if (format is "elsa3" or "elsa")
        {
            var native = JsonNode.Parse(FlowWriter.Write(loaded.Definition!, FlowFormat.Json))!.AsObject();
            if (Elsa3Exporter.Export(native, out var problems) is not { } elsa)
            {
                ValidateCommand.PrintProblems(Console.Error, path, problems);
                return ExitCodes.InvalidInput;
            }
            text = elsa.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        }
        else if (format is "json" or "yaml" or "xml")
            text = FlowWriter.Write(loaded.Definition!, Enum.Parse<FlowFormat>(format, ignoreCase: true));
        else throw CliException.Invalid($"'{format}' is not an export format: use elsa3, json, yaml or xml");
        if (parse.GetValue(Output) is { } output)
        {
            await System.IO.File.WriteAllTextAsync(output, text + "\n", ct);
            Console.Out.WriteLine($"wrote {output}");
        }
        else Console.Out.WriteLine(text);
        return ExitCodes.Finished;
    }
}
