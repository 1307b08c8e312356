using System.Text.Json.Nodes;
using ElsaFlow.Data.Paths;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Server.Workflows;

/// <summary>
/// The files an instance wrote: what its output activities recorded in their <c>files</c> output, as the journal keeps
/// it for every completed execution (so a loop that wrote one file per item lists them all). Log text counts for
/// nothing. Each path is checked again, as a flow's path is (inside the data roots, outside the state folder, links
/// followed), and listed while the file still exists.
/// </summary>
public static class InstanceFiles
{
    /// <summary>The output every output activity records its files in.</summary>
    public const string FilesOutput = "files";

    /// <summary>Each file once: its real path, the path as recorded (relative to the data root) and the activity that wrote it.</summary>
    public static IReadOnlyList<InstanceFileEntry> Find(IEnumerable<JournalEntry> journal, DataRoots roots)
    {
        var files = new List<InstanceFileEntry>();
        foreach (var entry in journal)
        {
            if (entry.Kind != JournalKind.ActivityCompleted || entry.Outputs?[FilesOutput] is not JsonArray written) continue;
            foreach (var item in written)
            {
                if (item is not JsonValue value || !value.TryGetValue<string>(out var recorded)) continue;
                string real;
                try { real = roots.Resolve(recorded, FilesOutput); }
                catch (DataPathException) { continue; }
                if (File.Exists(real) && files.All(f => f.RealPath != real)) files.Add(new InstanceFileEntry(real, recorded, entry.ActivityId));
            }
        }
        return files;
    }
}
