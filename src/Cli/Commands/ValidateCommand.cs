using System.CommandLine;
using ElsaFlow.Cli.Hosting;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Cli.Commands;

/// <summary><c>elsaflow validate FILE...</c>: checks flow files and lists every problem of each; exits 2 when any is invalid.</summary>
public static class ValidateCommand
{
    private static readonly Argument<string[]> Files = new("files") { Description = "Flow files to check", Arity = ArgumentArity.OneOrMore };

    public static Command Create()
    {
        var command = new Command("validate", "Check flow files without running them") { Files };
        CommandActions.Set(command, ValidateAsync);
        return command;
    }

    private static async Task<int> ValidateAsync(ParseResult parse, CancellationToken ct)
    {
        await using var host = CliHost.Create(parse, openStore: false);
        var invalid = 0;
        foreach (var path in parse.GetValue(Files)!)
        {
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"{path}: file does not exist");
                invalid++;
                continue;
            }
            var loaded = host.Loader.LoadFile(path);
            if (loaded.IsValid) Console.Out.WriteLine($"{path}: OK");
            else
            {
                PrintProblems(Console.Out, path, loaded.Problems);
                invalid++;
            }
        }
        return invalid == 0 ? ExitCodes.Finished : ExitCodes.InvalidInput;
    }

    /// <summary>Every problem on its own line, naming the activity and field, so all can be fixed in one go.</summary>
    public static void PrintProblems(TextWriter writer, string path, IReadOnlyList<ValidationProblem> problems)
    {
        writer.WriteLine($"{path}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}");
        // A file that cannot be read at all has no flow or activity to name: its message says everything.
        foreach (var problem in problems)
            writer.WriteLine(problem.DefinitionId is null && problem.ActivityId is null ? $"  - {problem.Message}" : $"  - {problem}");
    }
}
