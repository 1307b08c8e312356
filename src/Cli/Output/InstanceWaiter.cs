using ElsaFlow.Cli.Hosting;

namespace ElsaFlow.Cli.Output;

/// <summary>Waits until an instance settles (ends, or waits only on the outside world), prints it, and gives the exit code.</summary>
/// <remarks>
/// Ctrl+C ends the process at once with 130 (System.CommandLine does not wait for the action): nothing is lost,
/// the instance keeps its last commit and <c>elsaflow resume ID</c> continues it once its lease expires.
/// </remarks>
public static class InstanceWaiter
{
    public static async Task<int> WaitAndPrintAsync(CliHost host, string instanceId, bool json, CancellationToken ct)
    {
        var result = await host.Runtime.WaitAsync(instanceId, ct);
        return ResultPrinter.Print(result, json);
    }
}
