using System.Text.Json.Nodes;
using ElsaFlow.Activities.Scheduling;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Hosting;
using ElsaFlow.Server.Admission;

namespace ElsaFlow.Server.Scheduling;

/// <summary>
/// Starts the published flows with a Cron trigger at each occurrence. Every node runs it; an occurrence is claimed in the
/// store first (one insert wins), so it runs once however many nodes share the database. Occurrences found late by more
/// than a grace period were missed (no node ran): the trigger's missedRuns policy drops them or runs once for all. When a
/// run of the flow is still going, overlap allows another, skips the occurrence, or queues it until the run ends.
/// </summary>
public sealed class CronScheduler(CronSchedules schedules, IScheduleStore claims, IWorkflowStore store, WorkflowRuntime runtime, IIdGenerator ids,
    InstanceAdmission admission, ServerOptions options, TimeProvider time, ILogger<CronScheduler> logger) : BackgroundService
{
    private readonly Dictionary<(string, string), DateTimeOffset> _cursors = [];
    private readonly string _node = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..6]}";

    private TimeSpan Grace => TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, options.SchedulerInterval.Ticks * 3));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SchedulerInterval, time);
        do
        {
            try { await TickAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogError(e, "The cron scheduler's tick failed"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Fires every occurrence due since the last tick, and starts queued occurrences whose flow is no longer running.</summary>
    public async Task TickAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var schedule in await schedules.ListAsync(ct))
        {
            var key = (schedule.DefinitionId, schedule.ActivityId);
            if (!_cursors.TryGetValue(key, out var cursor))
            {
                // Missed runs count from the last claimed occurrence; a schedule never run counts from its version's save time,
                // but not from further back than the grace period (publishing an old draft does not fire a "missed" run).
                var last = (await claims.ListClaimsAsync(schedule.DefinitionId, schedule.ActivityId, take: 1, ct: ct)).FirstOrDefault()?.Occurrence;
                cursor = last ?? Max(schedule.PublishedAt, now - Grace);
            }
            var due = schedule.Expression.GetOccurrences(cursor, now, schedule.TimeZone, fromInclusive: false, toInclusive: true).ToList();
            _cursors[key] = now > cursor ? now : cursor;
            foreach (var occurrence in Due(schedule, due, now)) await FireAsync(schedule, occurrence, ct);
            if (schedule.Overlap == CronOverlap.Queue) await StartQueuedAsync(schedule, ct);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private IEnumerable<DateTimeOffset> Due(CronSchedule schedule, List<DateTimeOffset> due, DateTimeOffset now)
    {
        var onTime = due.Where(o => now - o <= Grace).ToList();
        var missed = due.Count - onTime.Count;
        if (missed == 0) return onTime;
        logger.LogWarning("{DefinitionId}: {Missed} occurrence(s) of '{Cron}' were missed ({Policy})", schedule.DefinitionId, missed, schedule.Cron, schedule.MissedRuns);
        return schedule.MissedRuns == CronMissedRuns.RunOnce && onTime.Count == 0 ? [due[missed - 1]] : onTime;
    }

    private async Task FireAsync(CronSchedule schedule, DateTimeOffset occurrence, CancellationToken ct)
    {
        var claim = new ScheduleClaim
        {
            DefinitionId = schedule.DefinitionId, ActivityId = schedule.ActivityId, Occurrence = occurrence, Status = ScheduleClaimStatus.Claimed,
            ClaimedBy = _node, ClaimedAt = time.GetUtcNow()
        };
        if (!await claims.TryClaimAsync(claim, ct)) return;
        if (schedule.Overlap != CronOverlap.Allow && await IsRunningAsync(schedule.DefinitionId, ct))
        {
            var status = schedule.Overlap == CronOverlap.Skip ? ScheduleClaimStatus.Skipped : ScheduleClaimStatus.Queued;
            await claims.TryUpdateAsync(schedule.DefinitionId, schedule.ActivityId, occurrence, ScheduleClaimStatus.Claimed, status, null, ct);
            logger.LogInformation("{DefinitionId}: occurrence {Occurrence} {Status}: a run is still going", schedule.DefinitionId, occurrence, status);
            return;
        }
        await StartAsync(schedule, occurrence, ScheduleClaimStatus.Claimed, ct);
    }

    private async Task StartQueuedAsync(CronSchedule schedule, CancellationToken ct)
    {
        var queued = await claims.ListClaimsAsync(schedule.DefinitionId, schedule.ActivityId, ScheduleClaimStatus.Queued, take: 100, ct: ct);
        if (queued.Count == 0 || await IsRunningAsync(schedule.DefinitionId, ct)) return;
        await StartAsync(schedule, queued[^1].Occurrence, ScheduleClaimStatus.Queued, ct);
    }

    private async Task StartAsync(CronSchedule schedule, DateTimeOffset occurrence, ScheduleClaimStatus from, CancellationToken ct)
    {
        var instanceId = ids.NewId();
        if (!await claims.TryUpdateAsync(schedule.DefinitionId, schedule.ActivityId, occurrence, from, ScheduleClaimStatus.Started, instanceId, ct)) return;
        await admission.StartAsync(runtime, new StartWorkflowRequest
        {
            DefinitionId = schedule.DefinitionId, Version = schedule.Version, InstanceId = instanceId,
            Trigger = new JsonObject { ["occurrence"] = occurrence, ["cron"] = schedule.Cron }
        }, ct);
        logger.LogInformation("{DefinitionId}: started {InstanceId} for {Occurrence}", schedule.DefinitionId, instanceId, occurrence);
    }

    private async Task<bool> IsRunningAsync(string definitionId, CancellationToken ct)
    {
        foreach (var status in new[] { WorkflowStatus.Running, WorkflowStatus.Suspended })
            if ((await store.ListInstancesAsync(new InstanceQuery { DefinitionId = definitionId, Status = status, Take = 1 }, ct)).Total > 0) return true;
        return false;
    }
}
