using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Secrets;
using ElsaFlow.Engine.Store;
using Spectre.Console;

namespace ElsaFlow.Cli.Output;

/// <summary>Prints each activity's progress and the flow's log lines as they happen.</summary>
/// <remarks>Called on the orchestration loop, so it only formats one line; the lock keeps lines from concurrent instances whole.</remarks>
public sealed class ProgressObserver(IAnsiConsole console) : IWorkflowObserver
{
    private readonly Lock _gate = new();

    /// <summary>
    /// The run's secrets, set before the instance starts: every line printed is redacted through them. One set for the
    /// whole run, sub-flows included, since a child only holds what its parent handed it.
    /// </summary>
    public SecretRedactor Secrets { get; set; } = SecretRedactor.None;

    public void OnJournal(JournalEntry entry)
    {
        entry = Secrets.Redact(entry);
        var line = entry.Kind switch
        {
            JournalKind.ActivityStarted => $"[grey]started  [/] {Activity(entry)}",
            JournalKind.ActivityCompleted => $"[green]completed[/] {Activity(entry)}{Details(entry)}",
            JournalKind.ActivityFaulted => $"[red]faulted  [/] {Activity(entry)}{Details(entry)}: {Markup.Escape(entry.Message ?? "")}",
            JournalKind.ActivityRetrying => $"[yellow]retrying [/] {Activity(entry)}: {Markup.Escape(entry.Message ?? "")}",
            JournalKind.ActivityDelayed => $"[yellow]delayed  [/] {Activity(entry)}: {Markup.Escape(entry.Message ?? "")}",
            JournalKind.ActivitySuspended => $"[blue]waiting  [/] {Activity(entry)}: {Markup.Escape(entry.Message ?? "")}",
            JournalKind.WorkflowResumed => $"[blue]resumed  [/] {Markup.Escape(entry.Message ?? "")}",
            _ => null
        };
        if (line is null) return;
        lock (_gate) console.MarkupLine(line);
    }

    public void OnLog(LogEntry entry)
    {
        entry = Secrets.Redact(entry);
        var where = entry.ActivityId is null ? "" : $" [grey]{Markup.Escape(entry.ActivityId)}[/]";
        lock (_gate) console.MarkupLine($"[aqua]log[/]{where} [[{Markup.Escape(entry.Level)}]] {Markup.Escape(entry.Message)}");
    }

    private static string Activity(JournalEntry entry) =>
        $"{Markup.Escape(entry.ActivityId ?? "?")} [grey]({Markup.Escape(entry.ActivityType ?? "?")})[/]";

    private static string Details(JournalEntry entry)
    {
        var parts = new List<string>();
        if (entry.Duration is { } duration) parts.Add(Durations.Format(duration));
        if (entry.RowCount is { } rows) parts.Add($"{rows:N0} rows");
        if (!string.IsNullOrEmpty(entry.Port) && entry.Port != "Done") parts.Add($"port {Markup.Escape(entry.Port)}");
        return parts.Count == 0 ? "" : $" [grey]{string.Join(", ", parts)}[/]";
    }
}
