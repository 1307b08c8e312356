using System.CommandLine;
using ElsaFlow.Activities.Preview;
using ElsaFlow.Cli.Hosting;
using ElsaFlow.Engine.Secrets;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Cli.Output;

/// <summary>Waits until an instance settles (ends, or waits only on the outside world), prints it, and gives the exit code.</summary>
/// <remarks>
/// Ctrl+C ends the process at once with 130 (System.CommandLine does not wait for the action): nothing is lost,
/// the instance keeps its last commit and <c>elsaflow resume ID</c> continues it once its lease expires.
/// </remarks>
public static class InstanceWaiter
{
    /// <summary>Shared by run and resume: big data runs skip counting views, which would run their chains again.</summary>
    public static readonly Option<bool> TableCountsOnly = new("--table-counts-only")
    {
        Description = "In the rows-per-activity summary, count only results kept as tables; views show '-' (counting a view runs its steps again)"
    };

    public static async Task<int> WaitAndPrintAsync(CliHost host, string instanceId, bool json, bool countViews, CancellationToken ct)
    {
        var result = (await host.Secrets.ForAsync(instanceId, ct)).Redact(await host.Runtime.WaitAsync(instanceId, ct));
        var rows = result.Status == WorkflowStatus.Running ? [] : await CountRowsAsync(host, instanceId, countViews, ct);
        return ResultPrinter.Print(result, json, rows);
    }

    /// <summary>
    /// Rows per data activity. Tables know their count; a view is counted only when asked (the default), because counting
    /// one runs its fused chain again (a CSV read, a join kept as a view), which on big inputs can take longer than the
    /// run. The summary is a convenience: it never changes the exit code.
    /// </summary>
    private static async Task<IReadOnlyList<ActivityRowCount>> CountRowsAsync(CliHost host, string instanceId, bool countViews, CancellationToken ct)
    {
        try
        {
            return await host.Previewer.CountRowsAsync(instanceId, countViews, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.Error.WriteLine($"warning: rows per activity are not available: {e.Message}");
            return [];
        }
    }
}
