using ElsaFlow.Activities.Data;

namespace ElsaFlow.Activities.Inputs;

/// <summary>Checks shared by the file inputs: the path is inside the data roots and the file is there.</summary>
internal static class InputFiles
{
    public static bool IsGlob(string path) => path.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>The full path of an existing file (globs are left to the reader); a clear error naming the field otherwise.</summary>
    public static string Existing(DataContext context, string path, string field = "path")
    {
        var full = context.ResolvePath(path, field);
        if (!IsGlob(full) && !File.Exists(full))
            throw new DataStepException($"{field}: the file '{path}' does not exist ({full})");
        return full;
    }

    /// <summary>Files a simple glob matches (wildcards in the file name only), in name order.</summary>
    public static IReadOnlyList<string> Expand(string fullPath, string path, string field = "path")
    {
        if (!IsGlob(fullPath)) return [fullPath];
        var folder = Path.GetDirectoryName(fullPath)!;
        if (IsGlob(folder)) throw new DataStepException($"{field}: '{path}': wildcards are only supported in the file name here");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, Path.GetFileName(fullPath)).Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0) throw new DataStepException($"{field}: no file matches '{path}'");
        return files;
    }

    /// <summary>A scratch file for this run in the workspace's scratch folder (never in the data roots); the caller deletes it.</summary>
    public static string ScratchFile(DataContext context, string name)
    {
        var folder = context.Workspace.ScratchFolder;
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{context.Relation()}_{name}");
    }
}
