using ElsaFlow.Engine.Store;

namespace ElsaFlow.Persistence.Retention;

/// <summary>A store that can find instances past their retention with an indexed query (EF Core and MongoDB stores).</summary>
public interface IInstanceRetentionStore
{
    /// <summary>
    /// Ids of instances in <paramref name="status"/> that ended before <paramref name="endedBefore"/> (FinishedAt, or
    /// UpdatedAt when FinishedAt is not set); oldest first, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<string>> ListExpiredInstancesAsync(WorkflowStatus status, DateTimeOffset endedBefore, int limit, CancellationToken ct = default);
}
