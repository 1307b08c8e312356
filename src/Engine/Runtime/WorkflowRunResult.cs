using System.Text.Json.Nodes;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime;

/// <summary>Where an instance stands once it has settled: finished, faulted, cancelled, or waiting on the outside world.</summary>
public sealed record WorkflowRunResult
{
    public required string InstanceId { get; init; }
    public required string DefinitionId { get; init; }
    public required int DefinitionVersion { get; init; }
    public required WorkflowStatus Status { get; init; }
    public JsonObject Variables { get; init; } = new();
    public JsonObject Outputs { get; init; } = new();

    /// <summary>What the instance (or a sub-flow it waits on) waits for.</summary>
    public IReadOnlyList<BookmarkRecord> Bookmarks { get; init; } = [];

    public string? Error { get; init; }
    public string? FaultedActivityId { get; init; }
}
