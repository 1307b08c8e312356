using ElsaFlow.Activities.Preview;
using ElsaFlow.Data;
using ElsaFlow.Data.Paths;
using ElsaFlow.Data.Sql;
using ElsaFlow.Data.Workspace;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>
/// The data of an instance: a page of any activity's output dataset, the whole dataset as CSV or Parquet, and the files
/// its output activities wrote (see <see cref="InstanceFiles"/> for how they are found).
/// </summary>
public static class InstanceDataApi
{
    public const int MaxPreviewLimit = 10_000;

    public static RouteGroupBuilder MapInstanceDataApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/instances/{instanceId}").WithTags("Instances");
        group.MapGet("/activities/{activityId}/preview", Preview);
        group.MapGet("/activities/{activityId}/download", Download);
        group.MapGet("/files", Files);
        group.MapGet("/files/{name}", File);
        return group;
    }

    public static async Task<Results<Ok<DataPreviewResponse>, ProblemHttpResult>> Preview(ActivityPreviewer previewer, string instanceId,
        string activityId, int? offset, int? limit, CancellationToken ct)
    {
        var (from, count) = (offset ?? 0, limit ?? 100);
        if (from < 0 || count is < 1 or > MaxPreviewLimit) return ApiProblems.BadRequest($"offset must be 0 or more and limit between 1 and {MaxPreviewLimit}");
        try
        {
            var preview = await previewer.PreviewAsync(instanceId, activityId, from, count, ct);
            return TypedResults.Ok(new DataPreviewResponse(preview.Columns, preview.RowCount, from, preview.Rows));
        }
        catch (PreviewException e)
        {
            return Problem(e, instanceId);
        }
    }

    /// <summary>
    /// COPYs the dataset to a temporary file in the workspace's scratch folder (the one folder outside the data roots a
    /// workspace may write) and streams it; the file is deleted when the response ends.
    /// </summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(ActivityPreviewer previewer, DataWorkspaces workspaces, string instanceId,
        string activityId, string? format, CancellationToken ct)
    {
        var kind = (format ?? "csv").ToLowerInvariant();
        if (kind is not ("csv" or "parquet")) return ApiProblems.BadRequest($"format '{format}' is not csv or parquet");
        Dataset dataset;
        try { dataset = await previewer.FindDatasetAsync(instanceId, activityId, ct); }
        catch (PreviewException e) { return Problem(e, instanceId); }
        // Written to the reading workspace's scratch folder (DuckDB may write nowhere else), streamed, deleted when the response ends.
        FileStream stream;
        try
        {
            stream = await workspaces.ReadAsync(instanceId, dataset, async workspace =>
            {
                Directory.CreateDirectory(workspace.ScratchFolder);
                var temp = Path.Combine(workspace.ScratchFolder, $"download-{Guid.NewGuid():N}.{kind}");
                await workspace.ExecuteAsync($"COPY (SELECT * FROM {SqlText.Identifier(dataset.Relation)}) TO {SqlText.String(temp)} (FORMAT {kind}{(kind == "csv" ? ", HEADER true" : "")})", ct);
                return new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            }, ct);
        }
        catch (WorkspaceGoneException e)
        {
            // Retention deleted it between finding the dataset and reading it.
            return ApiProblems.NotFound(e.Message);
        }
        return TypedResults.Stream(stream, kind == "csv" ? "text/csv" : "application/vnd.apache.parquet", $"{activityId}.{kind}");
    }

    public static async Task<Results<Ok<List<InstanceFile>>, ProblemHttpResult>> Files(IWorkflowStore store, DataRoots roots, string instanceId, CancellationToken ct)
    {
        if (await store.GetInstanceAsync(instanceId, ct) is null) return ApiProblems.InstanceNotFound(instanceId);
        var files = InstanceFiles.Find(await store.GetJournalAsync(instanceId, ct), roots);
        return TypedResults.Ok(files.Select(f => new InstanceFile(Path.GetFileName(f.RealPath), f.Recorded, new FileInfo(f.RealPath).Length, f.ActivityId)).ToList());
    }

    public static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> File(IWorkflowStore store, DataRoots roots, string instanceId, string name,
        CancellationToken ct)
    {
        if (await store.GetInstanceAsync(instanceId, ct) is null) return ApiProblems.InstanceNotFound(instanceId);
        var file = InstanceFiles.Find(await store.GetJournalAsync(instanceId, ct), roots).FirstOrDefault(f => Path.GetFileName(f.RealPath) == name);
        if (file is null) return ApiProblems.NotFound($"Instance '{instanceId}' wrote no file '{name}'");
        return TypedResults.PhysicalFile(file.RealPath, "application/octet-stream", name);
    }

    private static ProblemHttpResult Problem(PreviewException e, string instanceId) => e.Problem switch
    {
        PreviewProblem.UnknownInstance => ApiProblems.InstanceNotFound(instanceId),
        PreviewProblem.NotFinished => ApiProblems.Conflict(e.Message),
        PreviewProblem.Unreadable => ApiProblems.BadRequest(e.Message),
        _ => ApiProblems.NotFound(e.Message)
    };
}
