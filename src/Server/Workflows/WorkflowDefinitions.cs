using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Loading;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using ElsaFlow.Engine.Validation;
using ElsaFlow.Server.Api;

namespace ElsaFlow.Server.Workflows;

/// <summary>
/// Definitions as the API edits them. Every save that changes the content is a new version (the published version and
/// the version a running instance started with never change under it); saving the same content again is a no-op.
/// </summary>
public sealed class WorkflowDefinitions(IWorkflowStore store, IDefinitionReader reader, FlowLoader loader, ActivityRegistry registry, TimeProvider time)
{
    private readonly SemaphoreSlim _saving = new(1, 1);

    public IWorkflowStore Store => store;

    /// <summary>Raised after a definition was published, unpublished or deleted here (HTTP routes and schedules rebuild).</summary>
    public event Action? PublishedChanged;

    public void NotifyPublishedChanged() => PublishedChanged?.Invoke();
    public FlowLoader Loader => loader;

    public WorkflowDefinition Read(StoredDefinition stored)
    {
        var definition = reader.FromJson(stored.Json, stored.SourcePath);
        definition.Version = stored.Version;
        return definition;
    }

    /// <summary>One version as the API shows it: sensitive literals masked, validation problems listed.</summary>
    public WorkflowDetails Describe(StoredDefinition stored)
    {
        var definition = Read(stored);
        var problems = Validate(definition);
        var document = FlowWriter.ToDocument(SensitiveInputs.Hide(definition, registry));
        return new WorkflowDetails(stored.DefinitionId, stored.Version, stored.IsPublished, stored.IsLatest, stored.SourcePath is not null,
            stored.UpdatedAt, document, problems);
    }

    /// <summary>An update that sent <c>***</c> for a sensitive input keeps the stored value.</summary>
    public void RestoreSensitive(WorkflowDefinition updated, StoredDefinition? stored) =>
        SensitiveInputs.Restore(updated, stored is null ? null : Read(stored), registry);

    public IReadOnlyList<ValidationProblem> Validate(WorkflowDefinition definition) => reader.Validate(definition);

    /// <summary>Saves the definition as the next version of its id (or returns the latest when nothing changed).</summary>
    public async Task<StoredDefinition> SaveAsync(WorkflowDefinition definition, CancellationToken ct = default)
    {
        await _saving.WaitAsync(ct);
        try
        {
            var latest = await store.GetDefinitionAsync(definition.DefinitionId, null, ct);
            if (latest is not null)
            {
                definition.Version = latest.Version;
                if (reader.ToJson(definition) == latest.Json) return latest;
            }
            definition.Version = (latest?.Version ?? 0) + 1;
            var now = time.GetUtcNow();
            return await store.SaveDefinitionAsync(new StoredDefinition
            {
                DefinitionId = definition.DefinitionId, Version = definition.Version, Name = definition.Name, Description = definition.Description,
                Json = reader.ToJson(definition), SourcePath = definition.SourcePath, CreatedAt = latest?.CreatedAt ?? now, UpdatedAt = now
            }, ct);
        }
        finally
        {
            _saving.Release();
        }
    }

    /// <summary>The version a run uses: the published one, else the latest draft.</summary>
    public async Task<StoredDefinition?> GetRunnableAsync(string definitionId, CancellationToken ct = default) =>
        await store.GetPublishedDefinitionAsync(definitionId, ct) ?? await store.GetDefinitionAsync(definitionId, null, ct);
}
