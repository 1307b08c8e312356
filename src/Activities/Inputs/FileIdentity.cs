using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;

namespace ElsaFlow.Activities.Inputs;

/// <summary>
/// What a view over files checks before it reads them: each file's name, size and modification time as they were when
/// the input step ran. A view reads its files when a later step runs it, possibly again after a crash and resume; a
/// file changed in between would give that step other rows than the input promised (and other rejects), so the view
/// fails with a clear error instead. read_blob without its content column only looks the files up, it reads nothing.
/// </summary>
/// <remarks>The modification time has DuckDB's precision (seconds on some file systems): a rewrite within the same second that keeps the size is not seen.</remarks>
internal static class FileIdentity
{
    private const string Expression = "string_agg(filename || ':' || size || ':' || CAST(last_modified AS VARCHAR), '|' ORDER BY filename)";

    /// <summary>A boolean SQL expression, true while the files are as they are now, an error naming the step otherwise.</summary>
    public static async Task<string> GuardAsync(DataContext context, string sources, string shown, string field = "path")
    {
        var now = Convert.ToString(await context.Workspace.ScalarAsync($"SELECT {Expression} FROM read_blob({sources})", context.CancellationToken));
        var error = $"{field}: '{shown}' changed (size or modification time) after {context.Activity.ActivityType} '{context.ActivityId}' read it; " +
                    "its rows and rejects would no longer be the ones the step promised: run the flow again";
        return $"(SELECT CASE WHEN {Expression} = {SqlText.String(now ?? "")} THEN true ELSE error({SqlText.String(error)}) END FROM read_blob({sources}))";
    }
}
