using System.Collections.Concurrent;

namespace ElsaFlow.Server.HotReload;

/// <summary>The state of every file of the watched workflows folder, for GET /api/workflows/files.</summary>
public sealed class WorkflowFiles
{
    private readonly ConcurrentDictionary<string, WorkflowFile> _files = new(StringComparer.Ordinal);

    public IReadOnlyList<WorkflowFile> List() => _files.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

    public WorkflowFile? Find(string path) => _files.TryGetValue(path, out var file) ? file : null;

    public void Set(WorkflowFile file) => _files[file.Path] = file;

    public void Remove(string path) => _files.TryRemove(path, out _);
}
