namespace ElsaFlow.Engine.Runtime.State;

/// <summary>How an execution waits: for a resume by id or by name + match key, or for a time.</summary>
public sealed class BookmarkState
{
    public string Id { get; set; } = "";
    public string ExecutionId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? MatchKey { get; set; }
    public DateTimeOffset? ResumeAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Bookmarks the engine resolves by itself (timers, sub-flows), as opposed to waits on the outside world.</summary>
    public bool IsInternal => BookmarkNames.IsInternal(Name);
}

/// <summary>Bookmark names the runtime itself creates or understands.</summary>
public static class BookmarkNames
{
    public const string Pause = "Pause";
    public const string Event = "Event";
    public const string Delay = "Delay";
    public const string SubFlow = "SubFlow";
    public const string ActivityDelay = "ActivityDelay";
    public const string Retry = "Retry";
    public const string Timeout = "Timeout";

    public static bool IsInternal(string name) => name is Delay or SubFlow or ActivityDelay or Retry or Timeout;
}
