using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Runtime.Graph;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime;

/// <summary>Definitions as the runtime needs them: immutable stored versions, compiled once and cached.</summary>
internal sealed class DefinitionCatalog(IWorkflowStore store, ActivityRegistry registry, IDefinitionReader reader, TimeProvider time,
    IFlowFilePolicy? flowFiles = null)
{
    private static readonly string[] FileExtensions = [".json", ".yaml", ".yml", ".xml"];
    private readonly ConcurrentDictionary<(string, int), WorkflowGraph> _graphs = new();
    private readonly ConcurrentDictionary<(string, string), WorkflowGraph> _registered = new();
    private readonly SemaphoreSlim _saving = new(1, 1);

    public async Task<WorkflowGraph> GetGraphAsync(string definitionId, int version)
    {
        if (_graphs.TryGetValue((definitionId, version), out var graph)) return graph;
        var stored = await store.GetDefinitionAsync(definitionId, version)
            ?? throw new DefinitionNotFoundException($"Definition '{definitionId}' version {version} is not in the store");
        var definition = reader.FromJson(stored.Json, stored.SourcePath);
        definition.Version = version;
        return _graphs.GetOrAdd((definitionId, version), _ => WorkflowGraph.Compile(definition, registry));
    }

    /// <summary>A published (else latest) definition from the store.</summary>
    public async Task<WorkflowGraph> GetCurrentAsync(string definitionId, int? version)
    {
        var stored = version is { } v ? await store.GetDefinitionAsync(definitionId, v)
            : await store.GetPublishedDefinitionAsync(definitionId) ?? await store.GetDefinitionAsync(definitionId);
        if (stored is null) throw new DefinitionNotFoundException($"No definition '{definitionId}'{(version is null ? "" : $" version {version}")} in the store");
        return await GetGraphAsync(stored.DefinitionId, stored.Version);
    }

    /// <summary>
    /// A definition a preview runs as it is, unsaved (the canvas of a designer, a file): compiled, neither stored nor
    /// validated, since the caller checks only what the preview needs (<see cref="Validation.PreviewScope"/>).
    /// </summary>
    public static WorkflowGraph CompileUnsaved(WorkflowDefinition definition, ActivityRegistry registry) => WorkflowGraph.Compile(definition, registry);

    /// <summary>Validates an inline definition and keeps an immutable snapshot of it: the same content reuses its version.</summary>
    public async Task<WorkflowGraph> RegisterAsync(WorkflowDefinition definition)
    {
        var content = Content(reader.ToJson(definition));
        // The same content was validated and stored before: running a flow again costs no validation or store round trip.
        if (_registered.TryGetValue((definition.DefinitionId, content), out var known))
        {
            definition.Version = known.Definition.Version;
            return known;
        }
        var problems = reader.Validate(definition);
        if (problems.Count > 0) throw new WorkflowValidationException(problems);

        await _saving.WaitAsync();
        try
        {
            var versions = await store.ListDefinitionVersionsAsync(definition.DefinitionId);
            var same = versions.FirstOrDefault(v => Content(v.Json) == content);
            var version = same?.Version ?? Math.Max(definition.Version, versions.Count == 0 ? 0 : versions.Max(v => v.Version) + 1);
            definition.Version = version;
            if (same is null)
            {
                var now = time.GetUtcNow();
                await store.SaveDefinitionAsync(new StoredDefinition
                {
                    DefinitionId = definition.DefinitionId, Version = version, Name = definition.Name, Description = definition.Description,
                    Json = reader.ToJson(definition), SourcePath = definition.SourcePath, CreatedAt = now, UpdatedAt = now
                });
            }
            var graph = _graphs.GetOrAdd((definition.DefinitionId, version), _ => WorkflowGraph.Compile(definition, registry));
            _registered[(definition.DefinitionId, content)] = graph;
            return graph;
        }
        finally
        {
            _saving.Release();
        }
    }

    /// <summary>A definition's JSON without its version number: what decides whether two versions are the same flow.</summary>
    private static string Content(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("version");
        return document.ToJsonString();
    }

    /// <summary>A SubFlow reference: a file path (relative to the parent's file, checked by the host's policy) or a definition id.</summary>
    public async Task<WorkflowGraph> ResolveAsync(string reference, WorkflowDefinition parent)
    {
        if (FileExtensions.Any(e => reference.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            var parentFolder = parent.SourcePath is null ? null : Path.GetDirectoryName(Path.GetFullPath(parent.SourcePath))!;
            var path = Path.GetFullPath(Path.IsPathRooted(reference) ? reference : Path.Combine(parentFolder ?? Directory.GetCurrentDirectory(), reference));
            if (flowFiles is not null) path = flowFiles.Check(path, parentFolder);
            if (!File.Exists(path)) throw new DefinitionNotFoundException($"the flow file '{reference}' does not exist (looked at {path})");
            return await RegisterAsync(reader.LoadFile(path));
        }
        return await GetCurrentAsync(reference, null);
    }
}
