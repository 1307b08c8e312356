using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Engine.Secrets;

/// <summary>Redacted copies of the records an instance is shown through (journal, log, run result, bookmarks, instance row).</summary>
public static class RecordRedaction
{
    public static JournalEntry Redact(this SecretRedactor secrets, JournalEntry entry) => secrets.IsEmpty ? entry : entry with
    {
        Message = secrets.RedactOrNull(entry.Message),
        Outputs = secrets.Redact(entry.Outputs)
    };

    public static LogEntry Redact(this SecretRedactor secrets, LogEntry entry) =>
        secrets.IsEmpty ? entry : entry with { Message = secrets.Redact(entry.Message) };

    public static BookmarkRecord Redact(this SecretRedactor secrets, BookmarkRecord bookmark) =>
        secrets.IsEmpty ? bookmark : bookmark with { MatchKey = secrets.RedactOrNull(bookmark.MatchKey) };

    public static InstanceRecord Redact(this SecretRedactor secrets, InstanceRecord record) =>
        secrets.IsEmpty ? record : record with { Error = secrets.RedactOrNull(record.Error) };

    public static WorkflowRunResult Redact(this SecretRedactor secrets, WorkflowRunResult result) => secrets.IsEmpty ? result : result with
    {
        Variables = secrets.Redact(result.Variables)!,
        Outputs = secrets.Redact(result.Outputs)!,
        Bookmarks = result.Bookmarks.Select(secrets.Redact).ToList(),
        Error = secrets.RedactOrNull(result.Error)
    };
}
