using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Paths;
using ElsaFlow.Data.Sql;

namespace ElsaFlow.Activities.Inputs;

/// <summary>
/// Checks shared by the file inputs: every file read is inside the data roots and outside the state folder (see
/// <see cref="DataRoots"/>), globs included: they are expanded here and each file is checked, and DuckDB is only ever
/// handed those checked files, never a pattern it would expand itself.
/// </summary>
internal static class InputFiles
{
    public static bool IsGlob(string path) => path.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>The real path of one existing file (a glob is not expanded here); a clear error naming the field otherwise.</summary>
    public static string Existing(DataContext context, string path, string field = "path")
    {
        var full = context.ResolvePath(path, field);
        if (!File.Exists(full)) throw new DataStepException($"{field}: the file '{path}' does not exist ({full})");
        return full;
    }

    /// <summary>The real paths of the files a path or glob names, in name order, each checked; at least one.</summary>
    public static IReadOnlyList<string> Matching(DataContext context, string path, string field = "path")
    {
        if (!IsGlob(path)) return [Existing(context, path, field)];
        var files = context.Roots.ResolveGlob(path, field);
        if (files.Count == 0) throw new DataStepException($"{field}: no file matches '{path}'");
        return files;
    }

    /// <summary>
    /// The files as the first argument of DuckDB's read_csv / read_parquet / read_json: one string or a list. DuckDB
    /// expands wildcards in each of them, so a file whose real path holds one is refused rather than handed over.
    /// </summary>
    public static string DuckDbSources(IReadOnlyList<string> files, string path, string field = "path")
    {
        if (files.FirstOrDefault(IsGlob) is { } wild)
            throw new DataStepException($"{field}: '{path}' reaches the file '{wild}', whose path holds a wildcard character (*, ? or [) that the reader would expand; rename it");
        return files.Count == 1 ? SqlText.String(files[0]) : "[" + string.Join(", ", files.Select(SqlText.String)) + "]";
    }

    /// <summary>A scratch file for this run in the workspace's scratch folder (never in the data roots); the caller deletes it.</summary>
    public static string ScratchFile(DataContext context, string name)
    {
        var folder = context.Workspace.ScratchFolder;
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{context.Relation()}_{name}");
    }
}
