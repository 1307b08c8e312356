using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework.Entities;
using Microsoft.EntityFrameworkCore;

namespace ElsaFlow.Persistence.EntityFramework;

/// <summary>Schedule claims in the schedule_claims table: the primary key (definition, activity, occurrence) lets one insert win.</summary>
public sealed class EfScheduleStore(Func<ElsaFlowDbContext> createContext) : IScheduleStore
{
    public async Task<bool> TryClaimAsync(ScheduleClaim claim, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var db = createContext();
        db.ScheduleClaims.Add(new ScheduleClaimEntity
        {
            DefinitionId = claim.DefinitionId, ActivityId = claim.ActivityId, Occurrence = claim.Occurrence, Status = claim.Status.ToString(),
            InstanceId = claim.InstanceId, ClaimedBy = claim.ClaimedBy, ClaimedAt = claim.ClaimedAt
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            await using var check = createContext();
            if (await Find(check, claim.DefinitionId, claim.ActivityId, claim.Occurrence).AnyAsync(ct)) return false;
            throw;
        }
    }

    public async Task<bool> TryUpdateAsync(string definitionId, string activityId, DateTimeOffset occurrence, ScheduleClaimStatus from,
        ScheduleClaimStatus to, string? instanceId, CancellationToken ct = default)
    {
        await using var db = createContext();
        var fromName = from.ToString();
        var toName = to.ToString();
        var updated = await Find(db, definitionId, activityId, occurrence).Where(c => c.Status == fromName)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, toName).SetProperty(c => c.InstanceId, c => instanceId ?? c.InstanceId), ct);
        return updated == 1;
    }

    public async Task<IReadOnlyList<ScheduleClaim>> ListClaimsAsync(string definitionId, string activityId, ScheduleClaimStatus? status = null,
        int take = 10, CancellationToken ct = default)
    {
        await using var db = createContext();
        var query = db.ScheduleClaims.AsNoTracking().Where(c => c.DefinitionId == definitionId && c.ActivityId == activityId);
        if (status is { } only)
        {
            var name = only.ToString();
            query = query.Where(c => c.Status == name);
        }
        var rows = await query.OrderByDescending(c => c.Occurrence).Take(take).ToListAsync(ct);
        return rows.Select(c => new ScheduleClaim
        {
            DefinitionId = c.DefinitionId, ActivityId = c.ActivityId, Occurrence = c.Occurrence, Status = Enum.Parse<ScheduleClaimStatus>(c.Status),
            InstanceId = c.InstanceId, ClaimedBy = c.ClaimedBy, ClaimedAt = c.ClaimedAt
        }).ToList();
    }

    private static IQueryable<ScheduleClaimEntity> Find(ElsaFlowDbContext db, string definitionId, string activityId, DateTimeOffset occurrence) =>
        db.ScheduleClaims.Where(c => c.DefinitionId == definitionId && c.ActivityId == activityId && c.Occurrence == occurrence);
}
