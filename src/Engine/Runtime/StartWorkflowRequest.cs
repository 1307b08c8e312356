using System.Text.Json.Nodes;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Runtime;

/// <summary>What to start: a definition given inline, or one from the store by id (published version unless a version is named).</summary>
public sealed record StartWorkflowRequest
{
    public WorkflowDefinition? Definition { get; init; }
    public string? DefinitionId { get; init; }
    public int? Version { get; init; }
    public JsonObject Inputs { get; init; } = new();
    public string? CorrelationId { get; init; }
    public string? InstanceId { get; init; }
    public string? ParentInstanceId { get; init; }

    /// <summary>What triggered the run (an HTTP request, a cron occurrence): the token the start activities receive.</summary>
    public JsonNode? Trigger { get; init; }

    /// <summary>
    /// Run only up to this activity, on the first <see cref="PreviewRows"/> rows of each input, writing nothing. An inline
    /// <see cref="Definition"/> previewed is neither stored nor validated: check it with <see cref="Validation.PreviewScope"/>.
    /// </summary>
    public string? PreviewActivityId { get; init; }
    public int PreviewRows { get; init; } = 100;
}
