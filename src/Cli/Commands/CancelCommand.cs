using System.CommandLine;
using ElsaFlow.Cli.Hosting;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Cli.Commands;

/// <summary><c>elsaflow cancel ID</c>: cancels an instance (and the sub-flows it waits on); exits 0, or 5 when it had already ended.</summary>
public static class CancelCommand
{
    private static readonly Argument<string> InstanceId = new("id") { Description = "The instance id" };

    public static Command Create()
    {
        var command = new Command("cancel", "Cancel an instance") { InstanceId };
        CommandActions.Set(command, CancelAsync);
        return command;
    }

    private static async Task<int> CancelAsync(ParseResult parse, CancellationToken ct)
    {
        var instanceId = parse.GetValue(InstanceId)!;
        await using var host = CliHost.Create(parse, openStore: true);
        var before = await host.GetInstanceAsync(instanceId, ct);
        if (before.Status is WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled)
        {
            Console.Error.WriteLine($"error: instance {instanceId} already ended ({before.Status}); nothing to cancel");
            return before.Status == WorkflowStatus.Cancelled ? ExitCodes.Finished : ExitCodes.Conflict;
        }
        await host.Runtime.CancelAsync(instanceId);
        await host.Runtime.WaitForIdleAsync(ct);
        var after = await host.GetInstanceAsync(instanceId, ct);
        Console.Out.WriteLine($"instance {instanceId} {after.Status.ToString().ToLowerInvariant()}");
        return after.Status == WorkflowStatus.Cancelled ? ExitCodes.Finished : ExitCodes.Conflict;
    }
}
