using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Data.Workspace;

namespace ElsaFlow.Activities.Inputs;

/// <summary>
/// The malformed rows of a CsvInput read through a view, found by the scan the later steps run anyway. The view's
/// read_csv stores its rejects in two temporary tables named after the Rejected table (DuckDB makes them in the
/// connection that runs the scan, so in the step that reads the file, not in CsvInput's); after every data step
/// <see cref="CollectAsync(DataContext)"/> merges what that step's scans found into the Rejected table and logs the count.
/// </summary>
/// <remarks>
/// The merge is a union keyed by (file, line), so it is safe to repeat: a step run again after a crash, a second scan
/// in one step, or a scan that stopped early (a LIMIT) adds nothing that was not there or removes nothing that was.
/// The view checks the file's identity before it reads (<see cref="FileIdentity"/>), so every scan sees the same rows.
/// A step that reads only the first rows (ConsoleOutput, a LIMIT) finds the malformed rows among those; the step
/// that reads the rest adds the others. Rejected is complete once some step has read the whole file, which in the
/// chains this path is chosen for (one reader after another, down to a table or an output) the last one does.
/// </remarks>
internal static class CsvRejects
{
    private const string ErrorsSuffix = "_errors";
    private const string ScansSuffix = "_scans";
    private const string FilesSuffix = "_files";

    /// <summary>The read_csv options that send a scan's rejects to the temporary tables of <paramref name="rejected"/>.</summary>
    public static string ScanOptions(string rejected) =>
        $"store_rejects = true, rejects_table = {SqlText.String(rejected + ErrorsSuffix)}, rejects_scan = {SqlText.String(rejected + ScansSuffix)}";

    /// <summary>
    /// Creates the Rejected table, empty, and the names its rows report for each file read. Its token has no row count:
    /// the rows are not known until a step has read the file.
    /// </summary>
    public static async Task<Dataset> CreateAsync(DataContext context, string rejected, IReadOnlyList<(string Read, string Shown)> files)
    {
        var names = string.Join(", ", files.Select(f => $"({SqlText.String(f.Read)}, {SqlText.String(f.Shown)}, {SqlText.String(context.ActivityId)})"));
        await context.Workspace.ExecuteAsync(
            $"CREATE OR REPLACE TABLE {SqlText.Identifier(rejected)} AS {Empty}; " +
            $"CREATE OR REPLACE TABLE {SqlText.Identifier(rejected + FilesSuffix)} AS SELECT * FROM (VALUES {names}) f(read, shown, activity);",
            context.CancellationToken);
        var dataset = await context.Workspace.DescribeAsync(rejected, materialized: true, context.CancellationToken);
        return dataset with { RowCount = null };
    }

    /// <summary>The columns of Rejected, with no rows.</summary>
    public const string Empty =
        "SELECT CAST(NULL AS BIGINT) AS line, CAST(NULL AS VARCHAR) AS reason, CAST(NULL AS VARCHAR) AS raw, CAST(NULL AS VARCHAR) AS file WHERE false";

    /// <summary>
    /// Merges the rejects this step's scans left in its connection into their Rejected tables, logs what was new, and
    /// drops the temporary tables. Returns the rows each Rejected table holds afterwards, by table.
    /// </summary>
    public static Task<IReadOnlyDictionary<string, long>> CollectAsync(DataContext context) =>
        CollectAsync(context.Workspace, context.ActivityId, message => context.Log(message, "Warning"), context.CancellationToken);

    /// <summary>The same for any connection to a workspace; <paramref name="stepId"/> is the step whose scans these were.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CollectAsync(DataWorkspace workspace, string stepId, Action<string> log, CancellationToken ct)
    {
        var found = await workspace.QueryAsync(
            $"SELECT table_name FROM duckdb_tables() WHERE temporary AND ends_with(table_name, {SqlText.String(ErrorsSuffix)}) ORDER BY table_name",
            ct);
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in found)
        {
            var errors = (string)row["table_name"]!;
            var rejected = errors[..^ErrorsSuffix.Length];
            var scans = rejected + ScansSuffix;
            if (await workspace.ExistsAsync(rejected + FilesSuffix, ct))
                totals[rejected] = await MergeAsync(workspace, stepId, log, rejected, errors, scans, ct);
            await workspace.ExecuteAsync($"DROP TABLE IF EXISTS temp.{SqlText.Identifier(errors)}; DROP TABLE IF EXISTS temp.{SqlText.Identifier(scans)};", ct);
        }
        return totals;
    }

    private static async Task<long> MergeAsync(DataWorkspace workspace, string stepId, Action<string> log, string rejected, string errors, string scans, CancellationToken ct)
    {
        var table = SqlText.Identifier(rejected);
        var files = SqlText.Identifier(rejected + FilesSuffix);
        var before = await workspace.CountAsync(rejected, ct);
        await workspace.ExecuteAsync(
            $"CREATE OR REPLACE TABLE {table} AS SELECT line, reason, raw, file FROM (" +
            $"SELECT line, reason, raw, file FROM {table} UNION ALL " +
            $"SELECT CAST(e.line AS BIGINT), string_agg(DISTINCT e.error_message, '; '), first(e.csv_line), coalesce(f.shown, s.file_path) " +
            $"FROM temp.{SqlText.Identifier(errors)} e JOIN temp.{SqlText.Identifier(scans)} s ON e.scan_id = s.scan_id AND e.file_id = s.file_id " +
            $"LEFT JOIN {files} f ON f.read = s.file_path GROUP BY s.file_path, f.shown, e.line) " +
            "QUALIFY row_number() OVER (PARTITION BY file, line ORDER BY reason) = 1 ORDER BY file, line",
            ct);
        var after = await workspace.CountAsync(rejected, ct);
        if (after > before)
        {
            var activity = Convert.ToString(await workspace.ScalarAsync($"SELECT first(activity) FROM {files}", ct));
            var where = activity == stepId ? "" : $" of CsvInput '{activity}', found as this step read its file,";
            log($"{after - before} malformed row(s){where} sent to {CsvInput.Rejected} ({after} in all)");
        }
        return after;
    }
}
