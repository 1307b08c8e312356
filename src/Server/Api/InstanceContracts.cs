using System.Text.Json.Nodes;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Server.Api;

// The answer shapes of the instance endpoints, kept together so the API reads in one place.

public sealed record InstanceSummary(string Id, string DefinitionId, int DefinitionVersion, WorkflowStatus Status, string? CorrelationId,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt, string? Error)
{
    public static InstanceSummary From(InstanceRecord r) =>
        new(r.Id, r.DefinitionId, r.DefinitionVersion, r.Status, r.CorrelationId, r.CreatedAt, r.UpdatedAt, r.FinishedAt, r.Error);
}

/// <summary>The state of one instance: no activity inputs (so no sensitive value) ever appear here.</summary>
public sealed record InstanceDetails(InstanceSummary Instance, JsonObject Inputs, JsonObject Variables, JsonObject Outputs,
    IReadOnlyDictionary<string, JsonNode?> ActivityOutputs, IReadOnlyList<BookmarkRecord> Bookmarks, string? FaultedActivityId);

public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Total, int Skip, int Take);

public sealed record ResumeRequest(string BookmarkId, JsonNode? Payload);

/// <summary>A file an instance wrote: its name, its path as the output recorded it (relative to the data root), its size and the activity.</summary>
public sealed record InstanceFile(string Name, string Path, long Size, string? ActivityId);

public sealed record EventRaised(string Name, int Resumed);
