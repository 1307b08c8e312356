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
    /// <summary>
    /// Deprecated, accepted so that scripts keep working: the summary never runs a view again now, so the option changes
    /// nothing; giving it prints a note on stderr.
    /// </summary>
    public static readonly Option<bool> TableCountsOnly = new("--table-counts-only")
    {
        Description = "Deprecated: does nothing (the rows-per-activity summary never runs a view again; uncounted views show 'not counted')",
        Hidden = true
    };

    /// <summary>The note for a deprecated option that was given.</summary>
    public static void WarnIfDeprecated(ParseResult parse)
    {
        if (parse.GetValue(TableCountsOnly))
            Console.Error.WriteLine("note: --table-counts-only is deprecated and does nothing: views are never counted again after a run; uncounted ones show 'not counted'");
    }

    public static async Task<int> WaitAndPrintAsync(CliHost host, string instanceId, bool json, CancellationToken ct)
    {
        var result = (await host.Secrets.ForAsync(instanceId, ct)).Redact(await host.Runtime.WaitAsync(instanceId, ct));
        var rows = result.Status == WorkflowStatus.Running ? [] : await CountRowsAsync(host, instanceId, ct);
        return ResultPrinter.Print(result, json, rows);
    }

    /// <summary>
    /// Rows per data activity, from the counts the run's queries gave (see <see cref="ActivityPreviewer.CountRowsAsync"/>).
    /// The summary is a convenience: it never changes the exit code.
    /// </summary>
    private static async Task<IReadOnlyList<ActivityRowCount>> CountRowsAsync(CliHost host, string instanceId, CancellationToken ct)
    {
        try
        {
            return await host.Previewer.CountRowsAsync(instanceId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.Error.WriteLine($"warning: rows per activity are not available: {e.Message}");
            return [];
        }
    }
}
