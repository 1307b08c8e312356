using Cronos;
using ElsaFlow.Activities.Scheduling;

namespace ElsaFlow.Server.Scheduling;

/// <summary>One Cron trigger of a published definition version, parsed.</summary>
public sealed record CronSchedule(string DefinitionId, int Version, string ActivityId, string Cron, CronExpression Expression, TimeZoneInfo TimeZone,
    CronMissedRuns MissedRuns, CronOverlap Overlap, DateTimeOffset PublishedAt)
{
    public DateTimeOffset? NextAfter(DateTimeOffset time) => Expression.GetNextOccurrence(time, TimeZone);
}
