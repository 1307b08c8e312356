using System.CommandLine;
using ElsaFlow.Cli.Hosting;
using ElsaFlow.Server.Hosting;
using Microsoft.Extensions.Hosting;

namespace ElsaFlow.Cli.Commands;

/// <summary>
/// <c>elsaflow worker --bus URL</c>: a node that only runs activities, taken from the shared queue and from its groups'
/// queues, at most --concurrency at a time. It answers /health and nothing else. SIGTERM drains it: it stops taking
/// work, finishes what runs, then exits.
/// </summary>
public static class WorkerCommand
{
    private static readonly Option<string> Bus = new("--bus")
    {
        Description = "RabbitMQ connection URI, e.g. amqp://user:password@host:5672/",
        HelpName = "URL",
        Required = true
    };

    private static readonly Option<string[]> Groups = new("--group")
    {
        Description = "A worker group whose pinned activities this worker takes (repeat for several); unpinned ones are always taken",
        HelpName = "GROUP",
        AllowMultipleArgumentsPerToken = false
    };

    private static readonly Option<int?> Concurrency = new("--concurrency")
    {
        Description = "Activities run at the same time at most (default: twice the cores, at least 4)",
        HelpName = "N"
    };

    private static readonly Option<int?> Drain = new("--drain")
    {
        Description = "On SIGTERM, seconds running activities may take to finish before they go back to the queue (default 30)",
        HelpName = "SECONDS"
    };

    private static readonly Option<string> Urls = new("--urls")
    {
        Description = "Where /health listens (port 0 picks a free port; the banner shows it)",
        HelpName = "URLS",
        DefaultValueFactory = _ => "http://127.0.0.1:0"
    };

    public static Command Create()
    {
        var command = new Command("worker", "Run activities for a cluster (no API): from the shared queue and the --group queues, over --bus; other settings as --ElsaFlow:Name=value")
        {
            Bus, Groups, Concurrency, Drain, Urls
        };
        command.TreatUnmatchedTokensAsErrors = false;
        CommandActions.Set(command, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var settings = CliSettings.From(parse);
        var concurrency = parse.GetValue(Concurrency);
        if (concurrency is < 1) throw CliException.Invalid($"--concurrency must be 1 or more, not {concurrency}");
        var drain = parse.GetValue(Drain);
        if (drain is < 0) throw CliException.Invalid($"--drain must be 0 or more seconds, not {drain}");
        var groups = parse.GetValue(Groups) ?? [];
        if (groups.FirstOrDefault(g => !IsGroupName(g)) is { } bad)
            throw CliException.Invalid($"--group '{bad}' is not a group name: letters, digits, '-', '_' and '.'");
        string[] args =
        [
            "--urls", parse.GetValue(Urls)!, "--ElsaFlow:Role=Worker", $"--ElsaFlow:Bus:RabbitMq={parse.GetValue(Bus)}",
            $"--ElsaFlow:DataFolder={settings.StoreFolder}",
            .. settings.PluginsFolder is { } plugins ? [$"--ElsaFlow:PluginsFolder={plugins}"] : Array.Empty<string>(),
            .. concurrency is { } n ? [$"--ElsaFlow:Worker:Concurrency={n}"] : Array.Empty<string>(),
            .. drain is { } seconds ? [$"--ElsaFlow:Worker:DrainTimeout={TimeSpan.FromSeconds(seconds)}"] : Array.Empty<string>(),
            .. groups.Select((g, i) => $"--ElsaFlow:Worker:Groups:{i}={g}"),
            .. parse.UnmatchedTokens
        ];
        await using var app = ElsaFlowServer.Build(ElsaFlowServer.CreateBuilder(args));
        await app.StartAsync(ct);
        await app.WaitForShutdownAsync(ct);
        return ExitCodes.Finished;
    }

    private static bool IsGroupName(string group) => group.Length > 0 && group.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
