using System.Text.Json.Nodes;
using ElsaFlow.Engine.Store;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Server.Api;

// The small answer shapes of the workflow endpoints, kept together so the API reads in one place.

/// <summary>A definition in lists: its latest version, publish state and most recent run (so a list needs no call per row).</summary>
public sealed record WorkflowSummary(string DefinitionId, string? Name, string? Description, int LatestVersion, int? PublishedVersion,
    bool IsReadOnly, DateTimeOffset UpdatedAt, LastRun? LastRun = null);

/// <summary>The newest instance of a definition: where it stands and when it started and ended.</summary>
public sealed record LastRun(string InstanceId, WorkflowStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

/// <summary>One version with its native JSON document (sensitive literals masked) and its validation problems.</summary>
public sealed record WorkflowDetails(string DefinitionId, int Version, bool IsPublished, bool IsLatest, bool IsReadOnly,
    DateTimeOffset UpdatedAt, JsonObject Document, IReadOnlyList<ValidationProblem> Problems);

public sealed record WorkflowVersion(int Version, bool IsPublished, bool IsLatest, DateTimeOffset UpdatedAt);

public sealed record ValidationResult(bool IsValid, IReadOnlyList<ValidationProblem> Problems);

/// <summary>Where an instance stands after execute/resume: settled (finished, faulted, cancelled, suspended) or still running.</summary>
public sealed record RunResponse(string InstanceId, WorkflowStatus Status, JsonObject? Outputs, JsonObject? Variables,
    IReadOnlyList<BookmarkRecord> Bookmarks, string? Error, string? FaultedActivityId);

public sealed record DispatchResponse(string InstanceId);

/// <summary>The schema, row count and rows of a dataset (an activity's output, or a preview run's).</summary>
public sealed record DataPreviewResponse(IReadOnlyList<Data.DataColumn> Columns, long RowCount, int Offset, IReadOnlyList<JsonObject> Rows);

/// <summary>A preview of a document as the designer holds it (unsaved edits included), with the flow's inputs.</summary>
public sealed record PreviewDraftRequest(JsonObject Document, JsonObject? Inputs);
