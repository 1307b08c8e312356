using System.Text.Json.Nodes;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Runtime.State;

/// <summary>
/// The one serializable document of a running instance. It holds only what is live (tokens in flight, frames,
/// executions, bookmarks, loop counters); history goes to the journal, so it stays small however long the run.
/// </summary>
public sealed class WorkflowState
{
    public string InstanceId { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public WorkflowStatus Status { get; set; } = WorkflowStatus.Running;
    public string? CorrelationId { get; set; }
    public string? ParentInstanceId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public JsonObject Inputs { get; set; } = new();
    public JsonObject Variables { get; set; } = new();

    /// <summary>What the instance produced (Finish outputs).</summary>
    public JsonObject Outputs { get; set; } = new();

    /// <summary>The last output of each finished activity (<c>outputs.id</c>): dataset references, never rows.</summary>
    public Dictionary<string, JsonNode?> ActivityOutputs { get; set; } = new(StringComparer.Ordinal);

    public List<TokenState> Tokens { get; set; } = [];
    public List<FrameState> Frames { get; set; } = [];
    public List<ExecutionState> Executions { get; set; } = [];
    public List<BookmarkState> Bookmarks { get; set; } = [];

    /// <summary>Arrivals at join activities and dead arrivals at ordinary ones, per activity and frame.</summary>
    public List<JoinState> Joins { get; set; } = [];

    /// <summary>Traversals of back-edges per frame, for the max-visits guard.</summary>
    public Dictionary<string, int> Visits { get; set; } = new(StringComparer.Ordinal);

    public IncidentState? Incident { get; set; }

    /// <summary>Set for a preview run: the activity it stops after, and the rows each input may read.</summary>
    public PreviewState? Preview { get; set; }

    /// <summary>The last bookmarks resumed, so a late second resume is told "conflict" rather than "not found".</summary>
    public List<string> ResumedBookmarks { get; set; } = [];

    /// <summary>Counters for ids and journal order; ids come from the state so a replay produces the same ones.</summary>
    public long NextId { get; set; } = 1;
    public long NextJournalSequence { get; set; } = 1;
    public long NextLogSequence { get; set; } = 1;

    public string NewId(string prefix) => prefix + NextId++;
}
