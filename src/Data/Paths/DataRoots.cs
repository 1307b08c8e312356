namespace ElsaFlow.Data.Paths;

/// <summary>
/// The folders flows may read and write. Relative paths resolve against the first root. A path is accepted only when
/// its real path (every existing component followed through its symbolic links, see <see cref="RealPath"/>) lies inside
/// a root and outside every excluded folder (the state folder: store, workspaces, keys, logs), for reading and for
/// writing, so a flow reaches neither /etc/passwd nor the server's own store, through a link or otherwise. Resolved
/// paths are real paths: what is checked is what the reader or writer opens.
/// </summary>
public sealed class DataRoots
{
    private static readonly StringComparison Comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    private readonly List<string> _roots;
    private readonly List<string> _excluded;

    /// <param name="roots">Folders flows may use.</param>
    /// <param name="excluded">Folders flows may never use, even inside a root (the state folder).</param>
    public DataRoots(IEnumerable<string> roots, IEnumerable<string>? excluded = null)
    {
        _roots = Normalise(roots);
        _excluded = Normalise(excluded ?? []);
        if (_roots.Count == 0) throw new ArgumentException("At least one data root is needed", nameof(roots));
    }

    /// <summary>The folder the command runs in.</summary>
    public static DataRoots CurrentDirectory() => new([Directory.GetCurrentDirectory()]);

    public IReadOnlyList<string> Roots => _roots;
    public IReadOnlyList<string> Excluded => _excluded;

    /// <summary>The real path for a flow's path; throws <see cref="DataPathException"/> naming the field when it may not be used.</summary>
    public string Resolve(string path, string field)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new DataPathException(field, "the path is empty");
        var full = Full(path);
        return Check(path, full, Real(path, full, field), field);
    }

    /// <summary>
    /// The files a glob (<c>*</c>, <c>?</c>, <c>[abc]</c> in any component, <c>**</c> for any depth of folders) matches,
    /// as real paths in name order, each checked as <see cref="Resolve"/> checks a path. The part before the first
    /// wildcard must itself be a usable folder; excluded folders are not searched.
    /// </summary>
    public IReadOnlyList<string> ResolveGlob(string pattern, string field)
    {
        if (string.IsNullOrWhiteSpace(pattern)) throw new DataPathException(field, "the path is empty");
        var full = Full(pattern);
        var parts = full[Path.GetPathRoot(full)!.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var fixedParts = parts.TakeWhile(p => !PathGlob.IsGlob(p)).Count();
        if (fixedParts == parts.Length) return [Resolve(pattern, field)];
        var start = Path.Combine([Path.GetPathRoot(full)!, .. parts[..fixedParts]]);
        var folder = Check(pattern, start, Real(pattern, start, field), field);

        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var match in PathGlob.Match(folder, parts[fixedParts..], IsExcluded))
            files.Add(Check(Relative(match), match, Real(pattern, match, field), field));
        return files.ToList();
    }

    /// <summary>A path as a flow would name it: relative to the first root when inside it, else the full path.</summary>
    public string Relative(string realPath)
    {
        var root = RealPath.Of(_roots[0]);
        return IsInside(realPath, root) ? Path.GetRelativePath(root, realPath) : realPath;
    }

    private string Full(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(_roots[0], path));

    private static string Real(string path, string full, string field)
    {
        try { return RealPath.Of(full); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new DataPathException(field, $"'{path}': {e.Message}"); }
    }

    private string Check(string path, string full, string real, string field)
    {
        // Roots and excluded folders are resolved at every check: a state folder created (or replaced by a link) after start still counts.
        if (_excluded.FirstOrDefault(folder => IsInside(real, RealPath.Of(folder))) is { } state)
            throw new DataPathException(field, $"'{path}' is in the state folder {state} (store, workspaces, API keys, logs), which is not a data folder");
        if (_roots.Any(root => IsInside(real, RealPath.Of(root)))) return real;
        throw new DataPathException(field, _roots.Any(root => IsInside(full, root))
            ? $"'{path}' leads outside the data roots through a symbolic link (to {real}); links that leave a data root are refused"
            : $"'{path}' is outside the data roots ({string.Join(", ", _roots)})");
    }

    private bool IsExcluded(string folder)
    {
        var real = RealPath.Of(folder);
        return _excluded.Any(excluded => IsInside(real, RealPath.Of(excluded)));
    }

    private static bool IsInside(string path, string folder) =>
        path.Equals(folder, Comparison) || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, Comparison);

    private static List<string> Normalise(IEnumerable<string> folders) =>
        folders.Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))).Distinct().ToList();
}
