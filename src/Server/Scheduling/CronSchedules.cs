using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ElsaFlow.Activities.Scheduling;
using ElsaFlow.Engine.Model;
using ElsaFlow.Server.Workflows;

namespace ElsaFlow.Server.Scheduling;

/// <summary>The Cron triggers of every published definition, read from the store (each version parsed once).</summary>
public sealed class CronSchedules(WorkflowDefinitions definitions, ILogger<CronSchedules> logger)
{
    private readonly ConcurrentDictionary<(string, int), IReadOnlyList<CronSchedule>> _parsed = new();

    public async Task<IReadOnlyList<CronSchedule>> ListAsync(CancellationToken ct = default)
    {
        var schedules = new List<CronSchedule>();
        foreach (var latest in await definitions.Store.ListDefinitionsAsync(null, ct))
        {
            var published = latest.IsPublished ? latest : await definitions.Store.GetPublishedDefinitionAsync(latest.DefinitionId, ct);
            if (published is null) continue;
            if (!_parsed.TryGetValue((published.DefinitionId, published.Version), out var ofVersion))
            {
                ofVersion = definitions.Read(published).AllActivities().Where(a => a.Type == Cron.TypeName)
                    .Select(a => From(published.DefinitionId, published.Version, a, published.UpdatedAt)).OfType<CronSchedule>().ToList();
                _parsed[(published.DefinitionId, published.Version)] = ofVersion;
            }
            schedules.AddRange(ofVersion);
        }
        return schedules;
    }

    private CronSchedule? From(string definitionId, int version, ActivityNode node, DateTimeOffset publishedAt)
    {
        var inputs = new Dictionary<string, JsonNode?>(node.Inputs, StringComparer.OrdinalIgnoreCase);
        var text = Text(inputs, "cron");
        if (text is null || Cron.TryParse(text, out var expression) is { } problem || expression is null)
        {
            logger.LogWarning("Cron trigger {ActivityId} of {DefinitionId} has no literal cron expression: it is not scheduled", node.Id, definitionId);
            return null;
        }
        Cron.TryZone(Text(inputs, "timeZone") ?? "", out var zone);
        var missed = Enum.TryParse<CronMissedRuns>(Text(inputs, "missedRuns"), ignoreCase: true, out var m) ? m : CronMissedRuns.Skip;
        var overlap = Enum.TryParse<CronOverlap>(Text(inputs, "overlap"), ignoreCase: true, out var o) ? o : CronOverlap.Allow;
        return new CronSchedule(definitionId, version, node.Id, text, expression, zone, missed, overlap, publishedAt);
    }

    private static string? Text(Dictionary<string, JsonNode?> inputs, string name) =>
        inputs.TryGetValue(name, out var value) && value is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
}
