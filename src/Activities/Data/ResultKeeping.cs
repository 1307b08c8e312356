using ElsaFlow.Data;

namespace ElsaFlow.Activities.Data;

/// <summary>
/// The one place that decides how a step's result is kept in the workspace: as a view (a stored query DuckDB runs,
/// fused with whatever reads it) or as a table (the rows written once). Both are durable: they live in the instance's
/// DuckDB file, so a resumed instance finds the result of every finished step and any of them can be previewed. They
/// differ in cost and in what can change under them:
/// <list type="bullet">
/// <item><b>View</b>: reads of files the flow does not change while it runs (CsvInput when one chain reads it and
/// nothing reads Rejected, or with <c>rejects: false</c>; ParquetInput, JsonInput) and row-wise steps (Filter, AddField, EditField, Rename, Masking, Str, Mapping,
/// SplitColumn). Re-reading one costs about what reading its input costs.</item>
/// <item><b>Blocking steps</b> (Join, Duplicate, Group): a view when the engine says the result is read exactly once,
/// by the next step, in the same run, with no wait in between (<see cref="Engine.ActivityModel.ActivityInvocation.ResultReadOnce"/>,
/// decided from the graph); a table otherwise: when several steps read it, when it goes through a control activity
/// (If, a loop, ForEach, Fork, a sub-flow), before a suspension or a delay, or when an expression reads its row count.
/// Read once, the view is computed once anyway, by its reader, in one DuckDB pipeline (read -> join -> Parquet), which
/// saves writing and reading back every row; read more often, it would be computed each time.</item>
/// <item><b>Table</b> always: Sort (its order is the result, and a table keeps it for every reader), steps with
/// several result ports (Unique, Checker, CsvInput when Rejected is read or its rows are read more than once), SQL, Union, Samples, pivots, and every source DuckDB
/// does not read as a file (databases, Excel, HTTP, transcoded text): those inputs can change, a table pins them.</item>
/// </list>
/// What a view is safe over: tables of this workspace (never changed once written: relations are named per execution)
/// and files that stay as they are. A view over a CSV file is only as durable as the file: if it changes before the
/// last step that reads it has finished (or before a preview), the view shows the new content; CsvInput's view
/// checks the file's size and modification time first and fails clearly instead. That is the promise a file input
/// read as a view asks of its file; a blocking view read once adds no new file to it, and never outlives
/// its reader's run without a commit of that reader in between, except through a crash, after which the reader runs
/// again over the same files.
/// </summary>
internal static class ResultKeeping
{
    /// <summary>Keeps a blocking step's result: a view when it is read once (see above), else a table.</summary>
    public static Task<Dataset> BlockingAsync(DataContext context, string select, string? suffix = null) =>
        KeepAsView(context) ? context.ViewAsync(select, suffix) : context.TableAsync(select, suffix);

    /// <summary>True when a blocking result may stay a view. A preview keeps views too: it reads its rows once.</summary>
    public static bool KeepAsView(DataContext context) => context.Activity.Invocation.ResultReadOnce;
}
