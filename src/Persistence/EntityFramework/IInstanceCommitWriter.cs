using ElsaFlow.Engine.Store;

namespace ElsaFlow.Persistence.EntityFramework;

/// <summary>
/// Writes one <see cref="InstanceCommit"/> in one transaction. The EF writer works on every provider; a provider may
/// plug in a faster one (see the SQLite writer).
/// </summary>
public interface IInstanceCommitWriter
{
    /// <summary>Throws <see cref="ConcurrencyConflictException"/> when the stored revision is not the expected one.</summary>
    Task WriteAsync(InstanceCommit commit, CancellationToken ct = default);
}
