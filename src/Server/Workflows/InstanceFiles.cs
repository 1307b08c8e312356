using System.Text.RegularExpressions;
using ElsaFlow.Data.Paths;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Server.Workflows;

/// <summary>
/// The files an instance wrote. Every output activity logs <c>wrote N rows to PATH</c> (optionally followed by
/// <c> (details)</c>); the files are those paths, when they still exist and lie inside the data roots. Outputs that
/// write tables into a database (<c>to table T in PATH</c>) list the database file; CSV part files are not listed yet.
/// </summary>
public static partial class InstanceFiles
{
    [GeneratedRegex(@"^wrote \d+ rows to (?:table .+? in )?(?<path>.+?)(?: \([^()]*\))?$")]
    private static partial Regex WroteLine();

    public static IReadOnlyList<(string Path, string? ActivityId)> Find(IEnumerable<LogEntry> logs, DataRoots roots)
    {
        var files = new List<(string, string?)>();
        foreach (var log in logs)
        {
            var match = WroteLine().Match(log.Message);
            if (!match.Success) continue;
            var path = match.Groups["path"].Value;
            try { path = roots.Resolve(path, "path"); }
            catch (DataPathException) { continue; }
            if (File.Exists(path) && files.All(f => f.Item1 != path)) files.Add((path, log.ActivityId));
        }
        return files;
    }
}
