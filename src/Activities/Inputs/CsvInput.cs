using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Activities.Inputs;

/// <summary>
/// Reads CSV files (a path or a glob) into a dataset. Malformed rows (wrong column count, a value that does not fit
/// its type) go to <c>Rejected</c> as (line, reason, raw, file) instead of failing, unless <c>strict</c>. Encodings
/// other than UTF-8 (GBK, GB18030, ...) are transcoded to a scratch file first, line for line, so line numbers hold.
/// </summary>
/// <remarks>
/// How the rows are kept (measured on the 1M-row file of bench/pandas; BENCHMARKS.md has the figures). A UTF-8 file
/// is always a view: a full copy into the workspace (the old default: 7.8 s of a 10.8 s run at 5M rows) only to learn
/// which rows are bad costs more than any check. The view casts every typed column, used or not (an IS NULL test on
/// each: DuckDB would otherwise skip unused columns and miss their bad values, so the rejects would depend on what
/// reads the file). That is the price of finding every malformed row: measured at 5M rows, the summary pipeline's scan
/// takes about 1.2-1.3x as long as one that parses only the columns it uses (BENCHMARKS.md). It checks the file's
/// identity before it reads
/// (<see cref="FileIdentity"/>), so a later or resumed reader gets the same rows or a clear error, never other rows.
/// <list type="bullet">
/// <item><b>Nothing reads Rejected and one chain reads the rows, in the same run, with no wait</b> (the engine's
/// read-once rule): the scan the next steps run anyway (read -> filter -> group -> sort as one DuckDB pipeline) also
/// stores the malformed rows, and <see cref="CsvRejects"/> moves them to Rejected after that step, counted and
/// logged there. Nothing waits: one parse of the file in all.</item>
/// <item><b>Otherwise</b> (Rejected is read, the rows are read by several steps or after a wait), and with
/// <c>strict</c>: a rejects-only scan here, so Rejected is complete before anything reads it and strict fails on
/// the first malformed row before any later step starts; the view then skips those rows. One parse more than the
/// fused case, still no copy.</item>
/// <item><b>A transcoded file or a cluster</b>: one parse into a table plus its rejects, here (the scratch file is
/// deleted after the step; a cluster writes every result to the shared store as the step ends).</item>
/// <item><b>rejects: false</b>: the view without the rejects, the cast of unused columns or the identity check; a
/// malformed row fails the step that reads it.</item>
/// </list>
/// </remarks>
[Activity(Category = "Inputs", Description = "Read CSV files (path or glob) into a dataset; malformed rows go to Rejected", Outcomes = [Ports.Done, Rejected])]
public sealed partial class CsvInput : DataActivity
{
    public const string Rejected = "Rejected";

    /// <summary>DuckDB's own default max_line_size.</summary>
    public const int DefaultMaxLineSize = 2 * 1024 * 1024;

    [Input(Description = "File path or glob, relative to the data root", Required = true)]
    public Input<string> Path { get; init; } = new("");

    [Input(Description = "Column separator")]
    public Input<string> Delimiter { get; init; } = new(",");

    [Input(Description = "Whether the first line holds the column names")]
    public Input<bool> Header { get; init; } = new(true);

    [Input(Description = "Text encoding: utf-8, gbk, gb18030, big5, latin1, ...")]
    public Input<string> Encoding { get; init; } = new("utf-8");

    [Input(Description = "Forced column types, e.g. {\"amount\": \"DECIMAL(10,2)\"}; others are detected")]
    public Input<Dictionary<string, string>> Types { get; init; } = new([]);

    [Input(Description = "Fail on the first malformed row instead of sending it to Rejected")]
    public Input<bool> Strict { get; init; } = new(false);

    [Input(Description = "Find malformed rows and send them to Rejected (found by the scan the next steps run anyway, or by one rejects-only scan when Rejected is read); false skips that check and a malformed row fails the step that reads it")]
    public Input<bool> Rejects { get; init; } = new(true);

    [Input(Description = "Longest line in bytes; a longer line fails the step with its file and line (DuckDB's max_line_size)")]
    public Input<int> MaxLineSize { get; init; } = new(DefaultMaxLineSize);

    public override void Validate(ActivityValidationContext context)
    {
        // DuckDB reads an empty delimiter as "sniff one", which silently turns a typo into a guess.
        if (context.Raw("delimiter") is System.Text.Json.Nodes.JsonValue d && d.TryGetValue<string>(out var delimiter) && delimiter.Length == 0)
            context.Report("delimiter", "the delimiter is empty; give the column separator, for example \",\", \";\" or \"\\t\"");
        if (context.Raw("maxLineSize") is System.Text.Json.Nodes.JsonValue m && m.TryGetValue<long>(out var max) && max < 1)
            context.Report("maxLineSize", $"the maximum line size must be at least 1 byte, not {max}");
        if (context.Raw("encoding") is System.Text.Json.Nodes.JsonValue e && e.TryGetValue<string>(out var name) && TextEncodings.Find(name) is null)
            context.Report("encoding", $"'{name}' is not a known encoding");
        if (context.Raw("types") is System.Text.Json.Nodes.JsonObject types)
            foreach (var (column, type) in types)
                if (type is not System.Text.Json.Nodes.JsonValue v || !v.TryGetValue<string>(out var t) || !TypePattern().IsMatch(t))
                    context.Report("types", $"'{type?.ToJsonString()}' for column '{column}' is not a DuckDB type");
    }

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var path = context.Get(Path);
        var sources = InputFiles.Matching(context, path);
        var encoding = TextEncodings.Get(context.Get(Encoding));
        var types = context.Get(Types) ?? [];
        await CheckTypesAsync(context, types);
        foreach (var source in sources)
            if (TextFileCheck.WhyBinary(source) is { } why)
                throw new DataStepException($"path: '{Shown(context, source)}' is not a text file ({why}): CsvInput '{context.ActivityId}' reads delimited text; check the path, or read the file with the activity for its format");

        // Files DuckDB reads, and the names rejected rows report for them.
        var files = new List<(string Read, string Shown)>();
        try
        {
            if (TextEncodings.IsUtf8(encoding))
                files.AddRange(sources.Select(source => (source, sources.Count == 1 ? path : Shown(context, source))));
            else
                foreach (var source in sources)
                {
                    var shown = Shown(context, source);
                    var scratch = InputFiles.ScratchFile(context, $"{files.Count}.csv");
                    files.Add((scratch, shown));
                    await TextEncodings.TranscodeToUtf8Async(source, shown, encoding, scratch, context.CancellationToken);
                }
            return await ReadAsync(context, files, types, transcoded: !TextEncodings.IsUtf8(encoding));
        }
        finally
        {
            foreach (var (read, _) in files)
                if (!sources.Contains(read)) File.Delete(read);
        }
    }

    private async Task<DataResult> ReadAsync(DataContext context, List<(string Read, string Shown)> files, Dictionary<string, string> types, bool transcoded)
    {
        if (!context.Get(Rejects)) return await ReadTrustedAsync(context, files, types, transcoded);
        if (!transcoded && !context.SharesResults) return await ReadAsViewAsync(context, files, types, fused: context.Activity.Invocation.ResultReadOnce && !context.Get(Strict));
        // A transcoded file (its scratch copy is deleted after this step) or a cluster node (every result is exported
        // as the step ends, before any reader could find the rejects): one parse into a table with its rejects, here.
        var rejectsTable = context.Relation("rejects_errors");
        var rejectsScan = context.Relation("rejects_scan");
        var options = new List<string>
        {
            $"delim = {SqlText.String(context.Get(Delimiter))}",
            $"header = {(context.Get(Header) ? "true" : "false")}",
            LineSizeOption(context),
            $"store_rejects = true, rejects_table = {SqlText.String(rejectsTable)}, rejects_scan = {SqlText.String(rejectsScan)}"
        };
        if (types.Count > 0)
            options.Add("types = {" + string.Join(", ", types.Select(t => $"{SqlText.String(t.Key)}: {SqlText.String(t.Value.Trim())}")) + "}");
        var sources = InputFiles.DuckDbSources(files.Select(f => f.Read).ToList(), context.Get(Path));

        Dataset good;
        try
        {
            good = await context.TableAsync($"SELECT * FROM read_csv({sources}, {string.Join(", ", options)}){context.LimitClause}");
        }
        catch (DuckDBException e)
        {
            throw ReadFailed(context, files, e);
        }

        var shownFile = "CASE s.file_path " + string.Join(" ", files.Select(f => $"WHEN {SqlText.String(f.Read)} THEN {SqlText.String(f.Shown)}")) + " ELSE s.file_path END";
        var rejected = await context.TableAsync(
            $"SELECT CAST(e.line AS BIGINT) AS line, string_agg(e.error_message, '; ') AS reason, first(e.csv_line) AS raw, {shownFile} AS file " +
            $"FROM {SqlText.Identifier(rejectsTable)} e JOIN {SqlText.Identifier(rejectsScan)} s ON e.scan_id = s.scan_id AND e.file_id = s.file_id " +
            $"GROUP BY s.file_path, e.line ORDER BY file, line", Rejected.ToLowerInvariant());
        await context.Workspace.ExecuteAsync($"DROP TABLE IF EXISTS {SqlText.Identifier(rejectsTable)}; DROP TABLE IF EXISTS {SqlText.Identifier(rejectsScan)};", context.CancellationToken);

        if (context.Get(Strict) && rejected.RowCount > 0)
        {
            var first = (await context.Workspace.QueryAsync($"SELECT line, reason, file FROM {SqlText.Identifier(rejected.Relation)} ORDER BY file, line LIMIT 1", context.CancellationToken))[0];
            await context.Workspace.ExecuteAsync($"DROP TABLE {SqlText.Identifier(good.Relation)}; DROP TABLE {SqlText.Identifier(rejected.Relation)};", context.CancellationToken);
            throw new DataStepException($"path: malformed row at line {first["line"]} of '{first["file"]}': {first["reason"]} ({rejected.RowCount} malformed row(s) in all; strict is on)");
        }
        if (rejected.RowCount > 0) context.Log($"{rejected.RowCount} malformed row(s) sent to {Rejected}", "Warning");
        return DataResult.Of((Ports.Done, good), (Rejected, rejected));
    }

    /// <summary>
    /// The default path (see the remarks on the class): a view that casts every column and checks the file's identity.
    /// <paramref name="fused"/>: its scan stores the rejects and the step that reads it fills Rejected. Otherwise a
    /// rejects-only scan here fills Rejected before anything reads it (and strict fails on its first row), and the view
    /// skips malformed rows without storing them again.
    /// </summary>
    private async Task<DataResult> ReadAsViewAsync(DataContext context, List<(string Read, string Shown)> files, Dictionary<string, string> types, bool fused)
    {
        var rejected = context.Relation(Rejected.ToLowerInvariant());
        var sources = InputFiles.DuckDbSources(files.Select(f => f.Read).ToList(), context.Get(Path));
        Dataset good;
        string storing;
        try
        {
            var scan = await PinnedScanAsync(context, files, types, rejects: true);
            var columns = await context.Workspace.QueryAsync($"DESCRIBE SELECT * {scan}", context.CancellationToken);
            // Every typed column is cast, read or not; text fits a VARCHAR column whatever it is, so those are left to the
            // readers (a wrong column count is found by every scan: it is seen as the line is split).
            var typed = columns.Where(c => (string)c["column_type"]! != "VARCHAR")
                .Select(c => $"({SqlText.Identifier((string)c["column_name"]!)} IS NULL) IS NOT NULL").ToList();
            var guard = await FileIdentity.GuardAsync(context, sources, files.Count == 1 ? files[0].Shown : context.Get(Path));
            var filter = typed.Count == 0 ? guard : $"{string.Join(" AND ", typed)} AND {guard}";
            storing = $"SELECT * {WithOptions(scan, CsvRejects.ScanOptions(rejected))} WHERE {filter}";
            good = await context.ViewAsync($"{(fused ? storing : $"SELECT * {scan} WHERE {filter}")}{context.LimitClause}");
        }
        catch (DuckDBException e)
        {
            throw ReadFailed(context, files, e);
        }
        var rejectedSet = await CsvRejects.CreateAsync(context, rejected, files);
        if (fused) return DataResult.Of((Ports.Done, good), (Rejected, rejectedSet));

        try
        {
            await context.Workspace.ScalarAsync($"SELECT count(*) FROM ({storing}{context.LimitClause})", context.CancellationToken);
        }
        catch (DuckDBException e)
        {
            throw ReadFailed(context, files, e);
        }
        var count = (await CsvRejects.CollectAsync(context)).GetValueOrDefault(rejected);
        if (context.Get(Strict) && count > 0)
        {
            var first = (await context.Workspace.QueryAsync($"SELECT line, reason, file FROM {SqlText.Identifier(rejected)} ORDER BY file, line LIMIT 1", context.CancellationToken))[0];
            await context.Workspace.ExecuteAsync($"DROP VIEW {SqlText.Identifier(good.Relation)}; DROP TABLE {SqlText.Identifier(rejected)};", context.CancellationToken);
            throw new DataStepException($"path: malformed row at line {first["line"]} of '{first["file"]}': {first["reason"]} ({count} malformed row(s) in all; strict is on)");
        }
        return DataResult.Of((Ports.Done, good), (Rejected, rejectedSet with { RowCount = count }));
    }

    /// <summary>A <c>FROM read_csv(...)</c> clause with more options.</summary>
    private static string WithOptions(string scan, string options) => $"{scan[..^1]}, {options})";

    /// <summary>
    /// <c>FROM read_csv(...)</c> for the files. One file is sniffed once, here: the clause names the dialect and the column
    /// types DuckDB detected, so binding it (every later step's CREATE VIEW and DESCRIBE) does not sniff the file again.
    /// Same sample, same result.
    /// </summary>
    private async Task<string> PinnedScanAsync(DataContext context, List<(string Read, string Shown)> files, Dictionary<string, string> types, bool rejects)
    {
        var options = new List<string>
        {
            $"delim = {SqlText.String(context.Get(Delimiter))}",
            $"header = {(context.Get(Header) ? "true" : "false")}",
            LineSizeOption(context)
        };
        if (types.Count > 0)
            options.Add("types = {" + string.Join(", ", types.Select(t => $"{SqlText.String(t.Key)}: {SqlText.String(t.Value.Trim())}")) + "}");
        // The sniffer refuses a sample with a malformed row unless told to skip it, as the scan that stores rejects will.
        if (rejects) options.Add("ignore_errors = true");
        var sources = InputFiles.DuckDbSources(files.Select(f => f.Read).ToList(), context.Get(Path));
        var scan = $"FROM read_csv({sources}, {string.Join(", ", options)})";
        if (files.Count == 1)
        {
            var prompt = Convert.ToString(await context.Workspace.ScalarAsync(
                $"SELECT Prompt FROM sniff_csv({sources}, {string.Join(", ", options)})", context.CancellationToken))?.Trim().TrimEnd(';');
            if (prompt is not null && prompt.StartsWith("FROM read_csv(", StringComparison.Ordinal) && prompt.EndsWith(')')) scan = prompt;
        }
        return scan;
    }

    /// <summary>
    /// <c>rejects: false</c>: no rejects table. A UTF-8 file is read through a view (the scratch file of a transcoded one
    /// is deleted after the step, so that one is still copied into a table); Rejected gets an empty dataset.
    /// </summary>
    private async Task<DataResult> ReadTrustedAsync(DataContext context, List<(string Read, string Shown)> files, Dictionary<string, string> types, bool transcoded)
    {
        Dataset good;
        try
        {
            var select = $"SELECT * {await PinnedScanAsync(context, files, types, rejects: false)}{context.LimitClause}";
            good = transcoded ? await context.TableAsync(select) : await context.ViewAsync(select);
        }
        catch (DuckDBException e)
        {
            throw ReadFailed(context, files, e);
        }
        var rejected = await context.TableAsync(CsvRejects.Empty, Rejected.ToLowerInvariant());
        return DataResult.Of((Ports.Done, good), (Rejected, rejected));
    }

    /// <summary>Forced types must be DuckDB types: the text is checked against a pattern, then DuckDB is asked.</summary>
    private static async Task CheckTypesAsync(DataContext context, Dictionary<string, string> types)
    {
        foreach (var (column, type) in types)
        {
            var known = TypePattern().IsMatch(type);
            if (known)
                try { await context.Workspace.ScalarAsync($"SELECT CAST(NULL AS {type.Trim()})", context.CancellationToken); }
                catch (DuckDBException) { known = false; }
            if (!known) throw new DataStepException($"types: '{type}' for column '{column}' is not a DuckDB type");
        }
    }

    private static string Shown(DataContext context, string file) => context.Roots.Relative(file);

    /// <summary>DuckDB's buffer must hold the longest line, so a raised limit raises the buffer (its default is 16 MB).</summary>
    private string LineSizeOption(DataContext context)
    {
        var max = context.Get(MaxLineSize);
        return max > 8 * 1024 * 1024 ? $"max_line_size = {max}, buffer_size = {2L * max}" : $"max_line_size = {max}";
    }

    /// <summary>
    /// DuckDB's error as a step error. Its first line ("CSV Error on Line: 1") has no reason in it; an overlong line is
    /// said in the flow's terms (the setting that allows it), anything else keeps DuckDB's first line and its reason.
    /// </summary>
    private DataStepException ReadFailed(DataContext context, List<(string Read, string Shown)> files, DuckDBException e)
    {
        var file = files.FirstOrDefault(f => e.Message.Contains(f.Read, StringComparison.Ordinal)).Shown ?? (files.Count == 1 ? files[0].Shown : context.Get(Path));
        var line = LineNumber().Match(e.Message) is { Success: true } m ? $"line {m.Groups[1].Value} of " : "";
        if (e.Message.Contains("Maximum line size", StringComparison.OrdinalIgnoreCase))
            return new DataStepException($"path: {line}'{file}' is longer than the maximum line size of {context.Get(MaxLineSize):N0} bytes (maxLineSize) " +
                $"of CsvInput '{context.ActivityId}'; raise maxLineSize if such lines are meant", e);
        var field = e.Message.Contains("COLUMN_TYPES") ? "types" : "path";
        return new DataStepException($"{field}: {FirstLine(e.Message)}{Reason(e.Message)} (CsvInput '{context.ActivityId}' reading '{file}')", e);
    }

    /// <summary>The line of a multi-line DuckDB error that says what went wrong, when the first one does not.</summary>
    private static string Reason(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var reason = lines.Skip(1).FirstOrDefault(l => !l.StartsWith("Original Line", StringComparison.Ordinal) && !l.StartsWith("Possible", StringComparison.Ordinal)
            && !l.StartsWith("*", StringComparison.Ordinal) && l.Length < 400);
        return reason is null || !FirstLine(message).StartsWith("Invalid Input Error: CSV Error on Line", StringComparison.Ordinal) ? "" : $" ({reason})";
    }

    [GeneratedRegex(@"CSV Error on Line: (\d+)")]
    private static partial Regex LineNumber();

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    /// <summary>Type names as DuckDB writes them: words, optional (precision, scale), optional [] for lists.</summary>
    [GeneratedRegex(@"^\s*[A-Za-z][A-Za-z0-9_ ]*(\(\s*\d+\s*(,\s*\d+\s*)?\))?(\[\])?\s*$")]
    private static partial Regex TypePattern();
}
