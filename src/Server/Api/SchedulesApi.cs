using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Scheduling;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>Cron schedules: every Cron trigger of a published definition with its next run and its last claimed occurrence.</summary>
public static class SchedulesApi
{
    public static RouteGroupBuilder MapSchedulesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/schedules").WithTags("Schedules");
        group.MapGet("/", List);
        return group;
    }

    public static async Task<Ok<List<ScheduleResponse>>> List(CronSchedules schedules, IScheduleStore claims, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var answer = new List<ScheduleResponse>();
        foreach (var s in await schedules.ListAsync(ct))
        {
            var last = (await claims.ListClaimsAsync(s.DefinitionId, s.ActivityId, take: 1, ct: ct)).FirstOrDefault();
            answer.Add(new ScheduleResponse(s.DefinitionId, s.Version, s.ActivityId, s.Cron, s.TimeZone.Id, s.MissedRuns.ToString(), s.Overlap.ToString(),
                s.NextAfter(now), last is null ? null : new ScheduleRun(last.Occurrence, last.Status, last.InstanceId)));
        }
        return TypedResults.Ok(answer);
    }
}

/// <summary>A schedule as GET /api/schedules shows it.</summary>
public sealed record ScheduleResponse(string DefinitionId, int Version, string ActivityId, string Cron, string TimeZone, string MissedRuns, string Overlap,
    DateTimeOffset? NextRun, ScheduleRun? LastRun);

/// <summary>The last claimed occurrence of a schedule and what became of it.</summary>
public sealed record ScheduleRun(DateTimeOffset Occurrence, ScheduleClaimStatus Status, string? InstanceId);
