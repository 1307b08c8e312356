namespace ElsaFlow.Engine.Store;

/// <summary>Schedule claims in memory, for one process (tests, the command line).</summary>
public sealed class InMemoryScheduleStore : IScheduleStore
{
    private readonly Dictionary<(string, string, DateTimeOffset), ScheduleClaim> _claims = [];
    private readonly Lock _gate = new();

    public Task<bool> TryClaimAsync(ScheduleClaim claim, CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult(_claims.TryAdd((claim.DefinitionId, claim.ActivityId, claim.Occurrence), claim));
    }

    public Task<bool> TryUpdateAsync(string definitionId, string activityId, DateTimeOffset occurrence, ScheduleClaimStatus from, ScheduleClaimStatus to,
        string? instanceId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_claims.TryGetValue((definitionId, activityId, occurrence), out var claim) || claim.Status != from) return Task.FromResult(false);
            _claims[(definitionId, activityId, occurrence)] = claim with { Status = to, InstanceId = instanceId ?? claim.InstanceId };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<ScheduleClaim>> ListClaimsAsync(string definitionId, string activityId, ScheduleClaimStatus? status = null, int take = 10,
        CancellationToken ct = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<ScheduleClaim>>(_claims.Values
                .Where(c => c.DefinitionId == definitionId && c.ActivityId == activityId && (status is null || c.Status == status))
                .OrderByDescending(c => c.Occurrence).Take(take).ToList());
    }
}
