using System.Threading.Channels;
using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Validation;
using ElsaFlow.Server.Hosting;
using ElsaFlow.Server.Workflows;

namespace ElsaFlow.Server.HotReload;

/// <summary>
/// Hot reload of the workflows folder: on start every flow file in it is published, and then a new or changed file
/// becomes a new published version (after a short debounce), an invalid file is reported (log and GET
/// /api/workflows/files) while the published version keeps running, and a deleted file unpublishes its definition.
/// Sub-folders are read too (etl/, subflows/...), except folders named data (workflows/data holds what the samples read).
/// </summary>
public sealed class WorkflowFolderWatcher(ServerOptions options, WorkflowDefinitions definitions, WorkflowFiles files, TimeProvider time,
    ILogger<WorkflowFolderWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(250);
    private static readonly string[] Extensions = [".json", ".yaml", ".yml", ".xml"];
    private const string DataFolderName = "data";
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.WorkflowsFolder)) return;
        var folder = Path.GetFullPath(options.WorkflowsFolder);
        if (!Directory.Exists(folder))
        {
            logger.LogInformation("Workflows folder {Folder} does not exist: hot reload is off", folder);
            return;
        }
        using var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        watcher.Created += (_, e) => Changed(folder, e.FullPath);
        watcher.Changed += (_, e) => Changed(folder, e.FullPath);
        watcher.Deleted += (_, e) => Changed(folder, e.FullPath);
        watcher.Renamed += (_, e) => { Changed(folder, e.OldFullPath); Changed(folder, e.FullPath); };
        watcher.EnableRaisingEvents = true;
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)) Changed(folder, path);
        logger.LogInformation("Watching {Folder} for flow files", folder);

        var pending = new HashSet<string>(StringComparer.Ordinal);
        while (await _changes.Reader.WaitToReadAsync(stoppingToken))
        {
            // Debounce: editors write a file in several steps; take everything that arrives within a short quiet period.
            do
            {
                while (_changes.Reader.TryRead(out var path)) pending.Add(path);
                await Task.Delay(Debounce, stoppingToken);
            } while (_changes.Reader.TryPeek(out _));
            foreach (var path in pending.Order(StringComparer.Ordinal))
            {
                try { await ApplyAsync(path, stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException) { logger.LogError(e, "Could not reload {Path}", path); }
            }
            pending.Clear();
        }
    }

    // Flows are organised in subfolders (etl/, subflows/...); a folder named "data" holds what the samples read, not flows.
    private void Changed(string folder, string path)
    {
        if (!Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase)) return;
        var segments = Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar);
        if (segments[..^1].Contains(DataFolderName, StringComparer.OrdinalIgnoreCase)) return;
        _changes.Writer.TryWrite(path);
    }

    /// <summary>Publishes the file as it is now, reports why it cannot be, or unpublishes what it defined when it is gone.</summary>
    public async Task ApplyAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            await UnpublishAsync(path, ct);
            return;
        }
        var loaded = definitions.Loader.LoadFile(path);
        var problems = loaded.Definition is { } d ? [.. loaded.Problems, .. definitions.Validate(d)] : loaded.Problems.ToList();
        if (loaded.Definition is { } definition && problems.Count == 0 && await OwnerProblemAsync(definition, path, ct) is { } owner) problems.Add(owner);
        if (loaded.Definition is not { } valid || problems.Count > 0)
        {
            var distinct = problems.Distinct().ToList();
            files.Set(new WorkflowFile(path, loaded.Definition?.DefinitionId ?? files.Find(path)?.DefinitionId, files.Find(path)?.PublishedVersion, distinct, time.GetUtcNow()));
            logger.LogWarning("{Path} is not a valid flow; the published version stays: {Problems}", path, string.Join("; ", distinct));
            return;
        }
        var stored = await definitions.SaveAsync(valid, ct);
        var published = await definitions.Store.GetPublishedDefinitionAsync(stored.DefinitionId, ct);
        if (published?.Version != stored.Version)
        {
            await definitions.Store.PublishDefinitionAsync(stored.DefinitionId, stored.Version, ct);
            definitions.NotifyPublishedChanged();
            logger.LogInformation("Published {DefinitionId} version {Version} from {Path}", stored.DefinitionId, stored.Version, path);
        }
        files.Set(new WorkflowFile(path, stored.DefinitionId, stored.Version, [], time.GetUtcNow()));
    }

    /// <summary>A file may not take over a definition made through the API, nor one another file defines.</summary>
    private async Task<ValidationProblem?> OwnerProblemAsync(WorkflowDefinition definition, string path, CancellationToken ct)
    {
        var existing = await definitions.Store.GetDefinitionAsync(definition.DefinitionId, null, ct);
        if (existing is null || existing.SourcePath == definition.SourcePath) return null;
        var owner = existing.SourcePath is null ? "a definition made through the API" : $"the file {existing.SourcePath}";
        if (existing.SourcePath is not null && !File.Exists(existing.SourcePath)) return null;
        return new ValidationProblem(definition.DefinitionId, null, "definitionId", $"'{definition.DefinitionId}' belongs to {owner}; {path} cannot publish it");
    }

    private async Task UnpublishAsync(string path, CancellationToken ct)
    {
        var known = files.Find(path);
        files.Remove(path);
        var fullPath = Path.GetFullPath(path);
        foreach (var definition in await definitions.Store.ListDefinitionsAsync(known?.DefinitionId, ct))
        {
            if (definition.SourcePath != fullPath) continue;
            await definitions.Store.UnpublishDefinitionAsync(definition.DefinitionId, ct);
            definitions.NotifyPublishedChanged();
            logger.LogInformation("Unpublished {DefinitionId}: {Path} was deleted", definition.DefinitionId, path);
        }
    }
}
