using System.CommandLine;
using ElsaFlow.Activities.Preview;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Cli.Commands;

/// <summary>Runs a command's handler and turns the failures a user can cause into one line on stderr and an exit code.</summary>
public static class CommandActions
{
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> handler) =>
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                return await handler(parse, ct);
            }
            catch (Exception e) when (ExitCodeFor(e) is { } code)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return code;
            }
            catch (Exception e) when (Environment.GetEnvironmentVariable("ELSAFLOW_DEBUG") is null)
            {
                // A stack trace helps nobody running a flow; ELSAFLOW_DEBUG=1 lets it through to the default handler.
                Console.Error.WriteLine($"error: {e.GetType().Name}: {e.Message}");
                return ExitCodes.Faulted;
            }
        });

    private static int? ExitCodeFor(Exception e) => e switch
    {
        CliException cli => cli.ExitCode,
        PreviewException => ExitCodes.InvalidInput,
        InstanceNotFoundException or BookmarkNotFoundException or WorkflowValidationException or DefinitionNotFoundException => ExitCodes.InvalidInput,
        BookmarkConflictException or InvalidInstanceStateException or ConcurrencyConflictException => ExitCodes.Conflict,
        OperationCanceledException => ExitCodes.Faulted,
        _ => null
    };
}
