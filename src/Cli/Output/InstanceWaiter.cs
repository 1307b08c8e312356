using ElsaFlow.Activities.Preview;
using ElsaFlow.Cli.Hosting;
using ElsaFlow.Engine.Store;

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
        var rows = result.Status == WorkflowStatus.Running ? [] : await CountRowsAsync(host, instanceId, ct);
        return ResultPrinter.Print(result, json, rows);
    }

    /// <summary>
    /// Rows per data activity that kept a table; views are listed uncounted: counting them would run each fused chain
    /// again (a 5M-row CSV read per view, a join kept as a view in full), often longer than the run itself. The summary
    /// is a convenience: it never changes the exit code.
    /// </summary>
    private static async Task<IReadOnlyList<ActivityRowCount>> CountRowsAsync(CliHost host, string instanceId, CancellationToken ct)
    {
        try
        {
            return await host.Previewer.CountRowsAsync(instanceId, ct: ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.Error.WriteLine($"warning: rows per activity are not available: {e.Message}");
            return [];
        }
    }
}
