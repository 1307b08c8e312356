using System.Data.Common;
using ElsaFlow.Data;
using ElsaFlow.Data.Workspace;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Preview;

/// <summary>
/// Shows what a finished activity of an instance produced: its schema, row count and a page of rows, read from the
/// instance's workspace (or, in a cluster, the shared dataset store) through the dataset token the instance state keeps
/// per activity. Used by the CLI and the API.
/// </summary>
/// <remarks>Only the activity's last output is kept (its Done port for steps with several), so a step inside a loop shows its last run.</remarks>
public sealed class ActivityPreviewer(IWorkflowStore store, IDefinitionReader definitions, DataWorkspaces workspaces)
{
    /// <summary>The page of rows <paramref name="offset"/>..<paramref name="offset"/>+<paramref name="limit"/> of the activity's output.</summary>
    public async Task<DatasetPreview> PreviewAsync(string instanceId, string activityId, int offset = 0, int limit = 20, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var dataset = await FindDatasetAsync(instanceId, activityId, ct);
        try
        {
            return await workspaces.ReadAsync(instanceId, dataset, workspace => workspace.PreviewAsync(dataset.Relation, offset, limit, ct), ct);
        }
        catch (DbException e)
        {
            // A view runs its SQL only when read, so its error surfaces here, not in the run: it is the flow's, not the server's.
            throw Unreadable(activityId, e);
        }
        catch (WorkspaceGoneException)
        {
            throw Gone(instanceId, activityId);
        }
    }

    /// <summary>The caller's answer when an activity's dataset fails as it is read.</summary>
    public static PreviewException Unreadable(string activityId, DbException e) =>
        new(PreviewProblem.Unreadable, $"the data of activity '{activityId}' cannot be read: {e.Message}");

    /// <summary>The dataset an activity of an instance produced, still present in its workspace.</summary>
    public async Task<Dataset> FindDatasetAsync(string instanceId, string activityId, CancellationToken ct = default)
    {
        var record = await GetInstanceAsync(instanceId, ct);
        var state = WorkflowStateSerializer.Deserialize(record.StateJson);
        if (!state.ActivityOutputs.TryGetValue(activityId, out var output))
        {
            await EnsureActivityExistsAsync(record, activityId, ct);
            throw new PreviewException(PreviewProblem.NotFinished,
                $"activity '{activityId}' has not finished in instance '{instanceId}' (the instance is {record.Status})");
        }
        var dataset = Dataset.FromToken(output)
            ?? throw new PreviewException(PreviewProblem.NotADataset, $"the output of activity '{activityId}' is not a dataset, so it has no rows to show");

        if (!workspaces.HasRows(instanceId, dataset)) throw Gone(instanceId, activityId);
        try
        {
            if (!await workspaces.ReadAsync(instanceId, dataset, workspace => workspace.ExistsAsync(dataset.Relation, ct), ct)) throw Gone(instanceId, activityId);
        }
        catch (WorkspaceGoneException)
        {
            throw Gone(instanceId, activityId);
        }
        return dataset;
    }

    /// <summary>
    /// Rows of each finished activity whose output is a dataset, as the run's own queries gave them: a table's count
    /// (taken as it was written), an output's rows written, and a view that an output wrote counts what the output wrote.
    /// Any other view is "not counted" (null): counting it would run its whole chain once more (the CSV read, a join
    /// kept as a view...), which can cost as much as the run. <c>elsaflow preview</c> counts one on request.
    /// </summary>
    public async Task<IReadOnlyList<ActivityRowCount>> CountRowsAsync(string instanceId, CancellationToken ct = default)
    {
        var record = await GetInstanceAsync(instanceId, ct);
        var datasets = WorkflowStateSerializer.Deserialize(record.StateJson).ActivityOutputs
            .Select(o => (ActivityId: o.Key, Dataset: Dataset.FromToken(o.Value)))
            .Where(o => o.Dataset is not null)
            .ToList();
        if (datasets.Count == 0) return [];

        // Outputs pass on the dataset they wrote with its count: the same relation, so the same rows.
        var known = datasets.Where(d => d.Dataset!.RowCount is not null)
            .GroupBy(d => d.Dataset!.Relation, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Dataset!.RowCount, StringComparer.Ordinal);
        await using var workspace = await workspaces.OpenExistingAsync(instanceId, ct);
        if (workspace is null) return [];
        var counts = new List<ActivityRowCount>();
        foreach (var (activityId, dataset) in datasets)
        {
            if (!await workspace.ExistsAsync(dataset!.Relation, ct)) continue;
            counts.Add(new ActivityRowCount(activityId, dataset.RowCount ?? known.GetValueOrDefault(dataset.Relation), dataset.Materialized));
        }
        return counts;
    }

    private async Task<InstanceRecord> GetInstanceAsync(string instanceId, CancellationToken ct) =>
        await store.GetInstanceAsync(instanceId, ct)
        ?? throw new PreviewException(PreviewProblem.UnknownInstance, $"no instance '{instanceId}'");

    private async Task EnsureActivityExistsAsync(InstanceRecord record, string activityId, CancellationToken ct)
    {
        var stored = await store.GetDefinitionAsync(record.DefinitionId, record.DefinitionVersion, ct);
        if (stored is null) return;
        var ids = definitions.FromJson(stored.Json, stored.SourcePath).AllActivities().Select(a => a.Id).ToList();
        if (!ids.Contains(activityId, StringComparer.Ordinal))
            throw new PreviewException(PreviewProblem.UnknownActivity,
                $"flow '{record.DefinitionId}' has no activity '{activityId}'; its activities are {string.Join(", ", ids)}");
    }

    private static PreviewException Gone(string instanceId, string activityId) =>
        new(PreviewProblem.Gone, $"the result of activity '{activityId}' is no longer kept for instance '{instanceId}' (its workspace or stored dataset is gone)");
}
