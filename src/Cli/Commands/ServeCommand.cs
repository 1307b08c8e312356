using System.CommandLine;
using ElsaFlow.Cli.Hosting;
using ElsaFlow.Server.Hosting;
using Microsoft.Extensions.Hosting;

namespace ElsaFlow.Cli.Commands;

/// <summary><c>elsaflow serve</c>: hosts the same server as src/Server, with --store as its data folder.</summary>
public static class ServeCommand
{
    private static readonly Option<string> Urls = new("--urls")
    {
        Description = "Where to listen, separated by ';' (port 0 picks a free port; the banner shows the real one)",
        HelpName = "URLS",
        DefaultValueFactory = _ => "http://localhost:5000"
    };

    public static Command Create()
    {
        var command = new Command("serve", "Host the ElsaFlow server (REST API, live hub, /metrics) over the --store folder; other settings as --ElsaFlow:Name=value")
        {
            Urls
        };
        // Unknown tokens are host settings (e.g. --ElsaFlow:FaultWebhookUrl=...), passed through to the server's configuration.
        command.TreatUnmatchedTokensAsErrors = false;
        CommandActions.Set(command, ServeAsync);
        return command;
    }

    private static async Task<int> ServeAsync(ParseResult parse, CancellationToken ct)
    {
        var settings = CliSettings.From(parse);
        string[] args = ["--urls", parse.GetValue(Urls)!, $"--ElsaFlow:DataFolder={settings.StoreFolder}",
            .. settings.PluginsFolder is { } plugins ? [$"--ElsaFlow:PluginsFolder={plugins}"] : Array.Empty<string>(),
            .. parse.GetValue(GlobalOptions.MaxActivities) is { } max ? [$"--ElsaFlow:Flows:MaxActivities={max}"] : Array.Empty<string>(),
            .. settings.MemoryLimit.Length > 0 ? [$"--ElsaFlow:Data:MemoryLimit={settings.MemoryLimit}"] : Array.Empty<string>(), .. parse.UnmatchedTokens];
        await using var app = ElsaFlowServer.Build(ElsaFlowServer.CreateBuilder(args));
        await app.StartAsync(ct);
        await app.WaitForShutdownAsync(ct);
        return ExitCodes.Finished;
    }
}
