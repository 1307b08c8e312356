using System.CommandLine;
using System.Text.Json;
using ElsaFlow.Cli.Hosting;
using ElsaFlow.Engine.Loading;

namespace ElsaFlow.Cli.Commands;

/// <summary>
/// <c>elsaflow import FILE [-o native.json]</c>: reads a NiceFlow flow or an Elsa 3 definition, prints what each node
/// became and every warning, validates the result and writes the native document. Exits 2 when it is refused.
/// </summary>
public static class ImportCommand
{
    private static readonly Argument<string> File = new("file") { Description = "A NiceFlow flow or an Elsa 3 definition (.json, .yaml)" };
    private static readonly Option<string?> Output = new("--output", "-o") { Description = "Where to write the native flow (default: print it)" };

    public static Command Create()
    {
        var command = new Command("import", "Convert a NiceFlow or Elsa 3 flow to a native flow, with a mapping report") { File, Output };
        CommandActions.Set(command, ImportAsync);
        return command;
    }

    private static async Task<int> ImportAsync(ParseResult parse, CancellationToken ct)
    {
        var path = parse.GetValue(File)!;
        if (!System.IO.File.Exists(path)) throw CliException.Invalid($"file '{path}' does not exist");
        await using var host = CliHost.Create(parse, openStore: false);
        var format = FlowFormat.TryFromPath(path, out var f) ? f : FlowFormat.Json;
        var document = host.Loader.ReadDocument(await System.IO.File.ReadAllTextAsync(path, ct), format, path, out var problems, out var import);
        if (import is null && document is not null)
        {
            Console.Out.WriteLine($"{path}: already a native ElsaFlow flow; nothing to import");
            return ExitCodes.Finished;
        }
        if (import is not null)
        {
            Console.Out.WriteLine($"{path}: {import.Format} flow, {import.Mapped.Count} mapped");
            foreach (var line in import.Mapped) Console.Out.WriteLine($"  {line}");
            Console.Out.WriteLine($"{import.Warnings.Count} warning{(import.Warnings.Count == 1 ? "" : "s")}");
            foreach (var warning in import.Warnings) Console.Out.WriteLine($"  ! {warning}");
        }
        if (document is null)
        {
            ValidateCommand.PrintProblems(Console.Out, path, problems);
            return ExitCodes.InvalidInput;
        }
        var loaded = host.Loader.FromDocument(document);
        if (loaded.Problems.Count > 0)
        {
            Console.Out.WriteLine("the imported flow does not validate:");
            ValidateCommand.PrintProblems(Console.Out, path, loaded.Problems);
        }
        var text = document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        if (parse.GetValue(Output) is { } output)
        {
            await System.IO.File.WriteAllTextAsync(output, text + "\n", ct);
            Console.Out.WriteLine($"wrote {output}");
        }
        else Console.Out.WriteLine(text);
        return loaded.Problems.Count == 0 ? ExitCodes.Finished : ExitCodes.InvalidInput;
    }
}
