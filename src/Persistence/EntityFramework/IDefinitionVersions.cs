using ElsaFlow.Engine.Store;

namespace ElsaFlow.Persistence.EntityFramework;

/// <summary>
/// The two definition calls every run makes (list the versions of its flow, save a new one), for a provider that can
/// do them without EF Core: EF compiles five statements for them on first use, a few hundred ms of every command.
/// </summary>
public interface IDefinitionVersions
{
    /// <summary>Saves a version (replacing it when it exists), unpublishes the others when it is published, and marks the latest.</summary>
    Task<StoredDefinition> SaveAsync(StoredDefinition definition, CancellationToken ct = default);

    /// <summary>Every version of a definition, oldest first.</summary>
    Task<IReadOnlyList<StoredDefinition>> ListAsync(string definitionId, CancellationToken ct = default);
}
