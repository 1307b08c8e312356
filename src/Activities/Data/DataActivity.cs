using ElsaFlow.Data;
using ElsaFlow.Data.Workspace;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Data;

/// <summary>
/// Base of every data plugin: opens the instance's workspace, runs the step, and completes with the dataset token(s)
/// of its result (in a cluster, written to the shared dataset store first). Steps are safe to run twice: they replace
/// their relations.
/// </summary>
public abstract class DataActivity : CodeActivity
{
    public sealed override async ValueTask RunAsync(ActivityContext context)
    {
        await using var data = await DataContext.OpenAsync(context);
        DataResult result;
        try
        {
            result = await ExecuteAsync(data);
            // The step's scans of a CsvInput view found that file's malformed rows: they go to its Rejected now.
            await Inputs.CsvRejects.CollectAsync(data);
        }
        catch (Exception e) when (e is not OperationCanceledException && DataFailure.Explain(e, data.MemoryLimit) is { } why)
        {
            throw new DataStepException($"{context.ActivityType} '{context.ActivityId}' ran {why}", e);
        }
        var shared = new Dictionary<string, Dataset>(StringComparer.Ordinal);
        foreach (var (port, dataset) in result.Ports) shared[port] = await data.ShareAsync(dataset);
        if (shared.Count == 1)
        {
            var (port, dataset) = shared.First();
            context.CompleteWith(port, dataset.ToToken());
        }
        else
        {
            context.CompleteWith(shared.ToDictionary(p => p.Key, p => (System.Text.Json.Nodes.JsonNode?)p.Value.ToToken()));
        }
    }

    /// <summary>Does the step; <see cref="DataResult.Done"/> for the usual single result.</summary>
    protected abstract ValueTask<DataResult> ExecuteAsync(DataContext context);
}
