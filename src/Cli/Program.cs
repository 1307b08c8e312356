using System.CommandLine;
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
// On Ctrl+C or SIGTERM the command's token is cancelled; System.CommandLine would end the process 2 s later, which cuts
// a server's or worker's drain short (running activities finish, answers go out). Their host bounds the wait itself.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(5) });
