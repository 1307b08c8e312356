namespace ElsaFlow.Data.Paths;

/// <summary>
/// realpath(3) for paths that may not exist yet: every existing component is followed through its symbolic links,
/// and the components that do not exist (a file about to be written, its new folders) are appended as they are.
/// What this returns is the file the operating system would open, so checking it checks what is read or written.
/// </summary>
public static class RealPath
{
    /// <summary>As Linux: a chain of more links than this is a loop.</summary>
    private const int MaxLinks = 40;

    /// <summary>The real path of <paramref name="path"/> (made absolute and normalised first, so <c>..</c> is lexical).</summary>
    public static string Of(string path)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    private static string Resolve(string full, ref int links)
    {
        var root = Path.GetPathRoot(full)!;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            var info = new FileInfo(next);
            if (info.LinkTarget is not null)
            {
                if (++links > MaxLinks) throw new IOException($"too many levels of symbolic links at '{next}'");
                current = Resolve(info.ResolveLinkTarget(returnFinalTarget: false)!.FullName, ref links);
            }
            else if (Directory.Exists(next) || File.Exists(next)) current = next;
            else return Path.Combine([current, .. parts[i..]]);
        }
        return current;
    }
}
