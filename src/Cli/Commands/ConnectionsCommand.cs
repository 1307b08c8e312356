using System.CommandLine;
using ElsaFlow.Cli.Connections;
using ElsaFlow.Cli.Hosting;
using ElsaFlow.Cli.Output;
using Spectre.Console;

namespace ElsaFlow.Cli.Commands;

/// <summary><c>elsaflow connections list</c>: the named connections of the connections file, names and kinds only (never secrets).</summary>
public static class ConnectionsCommand
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print the names and kinds as a JSON array" };

    public static Command Create()
    {
        var list = new Command("list", "List the named connections (names and kinds; connection strings are never shown)") { Json };
        CommandActions.Set(list, ListAsync);
        return new Command("connections", "Named connections, read from the connections file (--connections, or connections.json in the store folder)") { list };
    }

    private static Task<int> ListAsync(ParseResult parse, CancellationToken ct)
    {
        var settings = CliSettings.From(parse);
        var file = ConnectionsFile.Read(settings.ConnectionsPath, settings.DefaultConnectionsPath);
        var connections = file.Entries.Select(e => new ListedConnection(e.Name!, e.Kind!)).ToList();
        if (parse.GetValue(Json))
        {
            CliJson.Write(connections);
            return Task.FromResult(ExitCodes.Finished);
        }
        if (file.Path is null)
        {
            Terminal.Out.MarkupLine(Markup.Escape($"no connections file ({settings.DefaultConnectionsPath} does not exist)"));
            return Task.FromResult(ExitCodes.Finished);
        }
        var table = new Table().AddColumns("name", "kind");
        foreach (var c in connections) table.AddRow(Markup.Escape(c.Name), Markup.Escape(c.Kind));
        Terminal.Out.MarkupLine(Markup.Escape($"{connections.Count} connection(s) in {file.Path}"));
        Terminal.Out.Write(table);
        return Task.FromResult(ExitCodes.Finished);
    }

    private sealed record ListedConnection(string Name, string Kind);
}
