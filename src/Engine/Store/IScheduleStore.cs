namespace ElsaFlow.Engine.Store;

/// <summary>Claims of schedule occurrences, shared by every node on one store.</summary>
public interface IScheduleStore
{
    /// <summary>Inserts the claim; false when the occurrence was already claimed (by this or another node).</summary>
    Task<bool> TryClaimAsync(ScheduleClaim claim, CancellationToken ct = default);

    /// <summary>Moves a claim from one status to another (atomically: false when it was not in <paramref name="from"/>).</summary>
    Task<bool> TryUpdateAsync(string definitionId, string activityId, DateTimeOffset occurrence, ScheduleClaimStatus from, ScheduleClaimStatus to,
        string? instanceId, CancellationToken ct = default);

    /// <summary>The latest claims of a schedule, newest occurrence first; optionally only those in one status.</summary>
    Task<IReadOnlyList<ScheduleClaim>> ListClaimsAsync(string definitionId, string activityId, ScheduleClaimStatus? status = null, int take = 10,
        CancellationToken ct = default);
}
