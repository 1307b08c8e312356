namespace ElsaFlow.Data.Paths;

/// <summary>
/// The folders flows may read and write. Relative paths resolve against the first root; a path outside every root
/// is refused, for reading and for writing, so a flow cannot reach /etc/passwd or another tenant's files.
/// </summary>
public sealed class DataRoots
{
    private readonly List<string> _roots;

    public DataRoots(IEnumerable<string> roots)
    {
        _roots = roots.Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r))).Distinct().ToList();
        if (_roots.Count == 0) throw new ArgumentException("At least one data root is needed", nameof(roots));
    }

    /// <summary>The folder the command runs in.</summary>
    public static DataRoots CurrentDirectory() => new([Directory.GetCurrentDirectory()]);

    public IReadOnlyList<string> Roots => _roots;

    /// <summary>The full path for a flow's path; throws <see cref="DataPathException"/> when it leaves the roots.</summary>
    public string Resolve(string path, string field)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new DataPathException(field, "the path is empty");
        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(_roots[0], path));
        if (!_roots.Any(root => full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            throw new DataPathException(field, $"'{path}' is outside the data roots ({string.Join(", ", _roots)})");
        return full;
    }
}

/// <summary>A path a flow uses is empty or outside the data roots.</summary>
public sealed class DataPathException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}
