using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.ActivityModel;

/// <summary>Everything needed to run one code activity once, without access to the instance state.</summary>
public sealed record ActivityInvocation
{
    public required string InstanceId { get; init; }
    public required string ExecutionId { get; init; }
    public required string ActivityId { get; init; }
    public required string ActivityType { get; init; }
    public int Attempt { get; init; } = 1;
    public JsonObject Inputs { get; init; } = new();
    public JsonNode? Incoming { get; init; }
    public IReadOnlyList<IncomingToken> IncomingTokens { get; init; } = [];
    public JsonObject WorkflowInputs { get; init; } = new();
    public TimeSpan? Timeout { get; init; }
    public string? WorkerGroup { get; init; }

    /// <summary>
    /// The result is read exactly once, by the next step, in the same run, with no wait in between (decided from the
    /// graph by the runtime's read-once rule). A data step may then keep a blocking result as a view; false (the default,
    /// and what an older sender means) keeps it as a table.
    /// </summary>
    public bool ResultReadOnce { get; init; }

    /// <summary>Set when the instance is a preview: read at most this many rows per input and write nothing.</summary>
    public int? PreviewRows { get; init; }
}
