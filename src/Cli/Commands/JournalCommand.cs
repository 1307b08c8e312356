using System.CommandLine;
using System.Globalization;
using ElsaFlow.Cli.Hosting;
using ElsaFlow.Cli.Output;
using ElsaFlow.Engine.Secrets;
using ElsaFlow.Engine.Store;
using Spectre.Console;

namespace ElsaFlow.Cli.Commands;

/// <summary><c>elsaflow journal ID</c>: the instance's history, one row per journal entry.</summary>
public static class JournalCommand
{
    private static readonly Argument<string> InstanceId = new("id") { Description = "The instance id" };
    private static readonly Option<bool> Json = new("--json") { Description = "Print the journal entries as a JSON array" };

    public static Command Create()
    {
        var command = new Command("journal", "Show an instance's journal") { InstanceId, Json };
        CommandActions.Set(command, ShowAsync);
        return command;
    }

    private static async Task<int> ShowAsync(ParseResult parse, CancellationToken ct)
    {
        var instanceId = parse.GetValue(InstanceId)!;
        await using var host = CliHost.Create(parse, openStore: true);
        await host.GetInstanceAsync(instanceId, ct);
        var secrets = await host.Secrets.ForAsync(instanceId, ct);
        var journal = (await host.Store.GetJournalAsync(instanceId, ct)).Select(secrets.Redact).ToList();
        if (parse.GetValue(Json))
        {
            CliJson.Write(journal);
            return ExitCodes.Finished;
        }
        var table = new Table().AddColumns("seq", "time", "kind", "activity", "type", "attempt", "duration", "port", "message");
        foreach (var e in journal)
            table.AddRow(
                e.Sequence.ToString(CultureInfo.InvariantCulture),
                e.Timestamp.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture),
                e.Kind.ToString(),
                Markup.Escape(e.ActivityId ?? ""),
                Markup.Escape(e.ActivityType ?? ""),
                e.Attempt?.ToString(CultureInfo.InvariantCulture) ?? "",
                e.Duration is { } d ? Durations.Format(d) : "",
                Markup.Escape(e.Port ?? ""),
                Markup.Escape(Message(e)));
        Terminal.Out.Write(table);
        return ExitCodes.Finished;
    }

    private static string Message(JournalEntry entry) =>
        entry.RowCount is { } rows ? $"{rows} rows{(entry.Message is null ? "" : "; " + entry.Message)}" : entry.Message ?? "";
}
