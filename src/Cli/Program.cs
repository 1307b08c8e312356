using ElsaFlow.Cli;
using ElsaFlow.Cli.Commands;

var parse = ElsaFlowCommand.Create().Parse(args);

// System.CommandLine answers bad arguments with exit code 1, which means "faulted" here: report them ourselves with 2.
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("Run 'elsaflow --help' for usage.");
    return ExitCodes.InvalidInput;
}
return await parse.InvokeAsync();
