using System.CommandLine;
using ElsaFlow.Cli.Hosting;
using ElsaFlow.Cli.Output;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;
using Spectre.Console;

namespace ElsaFlow.Cli.Commands;

/// <summary>
/// <c>elsaflow resume ID</c>: resumes a bookmark (--bookmark), raises an event for the instance (--event), or, with
/// neither, continues an instance whose process died or that waits only on timers. Then waits and exits like run.
/// </summary>
public static class ResumeCommand
{
    private static readonly Argument<string> InstanceId = new("id") { Description = "The instance id" };
    private static readonly Option<string?> Bookmark = new("--bookmark", "-b") { Description = "The bookmark to resume" };
    private static readonly Option<string?> Event = new("--event", "-e") { Description = "Raise this event for the instance" };
    private static readonly Option<string?> Payload = new("--payload", "-p") { Description = "JSON given to the waiting activity as its output" };
    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON object with the result on stdout; progress goes to stderr" };

    public static Command Create()
    {
        var command = new Command("resume", "Resume a waiting instance or continue one whose process died; exits like run (5: already resumed)")
        {
            InstanceId, Bookmark, Event, Payload, Json, InstanceWaiter.TableCountsOnly
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(Bookmark) is not null && result.GetValue(Event) is not null)
                result.AddError("give --bookmark or --event, not both");
            if (result.GetValue(Payload) is not null && result.GetValue(Bookmark) is null && result.GetValue(Event) is null)
                result.AddError("--payload needs --bookmark or --event");
        });
        CommandActions.Set(command, ResumeAsync);
        return command;
    }

    private static async Task<int> ResumeAsync(ParseResult parse, CancellationToken ct)
    {
        var json = parse.GetValue(Json);
        var instanceId = parse.GetValue(InstanceId)!;
        var payload = InputValues.ParsePayload(parse.GetValue(Payload));
        var console = json ? Terminal.Error : Terminal.Out;
        var progress = new ProgressObserver(console);
        await using var host = CliHost.Create(parse, openStore: true, progress, runsInstance: true, usesConnections: true);
        var instance = await host.GetInstanceAsync(instanceId, ct);
        progress.Secrets = await host.Secrets.ForAsync(instanceId, ct);

        if (instance.Status == WorkflowStatus.Running && instance.LeaseExpiresAt > host.Runtime.Time.GetUtcNow())
            console.MarkupLine(Markup.Escape(
                $"instance {instanceId} is owned by another process until {instance.LeaseExpiresAt.Value.ToLocalTime():HH:mm:ss}: waiting for it to settle or for the lease to expire"));

        // Continue first: it schedules the instance's stored timers here and takes over an orphan once its lease expires,
        // so a bookmark resumed next runs on an instance this process owns.
        await host.Runtime.ContinueAsync(instanceId, ct);
        if (parse.GetValue(Bookmark) is { } bookmark)
        {
            if (await host.Store.GetBookmarkAsync(bookmark, ct) is { } found && found.InstanceId != instanceId)
                throw CliException.Invalid($"bookmark '{bookmark}' belongs to instance '{found.InstanceId}', not '{instanceId}'");
            await host.Runtime.ResumeAsync(bookmark, payload?.DeepClone(), ct);
            console.MarkupLine(Markup.Escape($"instance {instanceId} resumed (bookmark {bookmark})"));
        }
        else if (parse.GetValue(Event) is { } name)
        {
            await host.Runtime.ResumeAsync(instanceId, BookmarkNames.Event, name, payload, ct);
            console.MarkupLine(Markup.Escape($"instance {instanceId} resumed (event {name})"));
        }
        else if (instance.Status is WorkflowStatus.Running or WorkflowStatus.Suspended)
            console.MarkupLine(Markup.Escape($"instance {instanceId} continued (was {instance.Status})"));

        InstanceWaiter.WarnIfDeprecated(parse);
        return await InstanceWaiter.WaitAndPrintAsync(host, instanceId, json, ct);
    }
}
