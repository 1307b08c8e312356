using System.CommandLine;
using ElsaFlow.Activities.Connections;
using ElsaFlow.Cli.Connections;
using ElsaFlow.Cli.Hosting;
using ElsaFlow.Cli.Output;
using ElsaFlow.Engine.Secrets;
using Spectre.Console;

namespace ElsaFlow.Cli.Commands;

/// <summary>
/// <c>elsaflow connections list</c>: the named connections of the connections file, names and kinds only (never
/// secrets); <c>elsaflow connections test NAME</c>: opens one through the probe of its kind.
/// </summary>
public static class ConnectionsCommand
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print the names and kinds as a JSON array" };
    private static readonly Argument<string> Name = new("name") { Description = "The connection's name" };

    public static Command Create()
    {
        var list = new Command("list", "List the named connections (names and kinds; connection strings are never shown)") { Json };
        CommandActions.Set(list, ListAsync);
        var test = new Command("test", "Open a named connection and run a trivial query; exits 0 when the server answered, 1 when it failed, 2 when it cannot be tested") { Name };
        CommandActions.Set(test, TestAsync);
        return new Command("connections", "Named connections, read from the connections file (--connections, or connections.json in the store folder)") { list, test };
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

    private static async Task<int> TestAsync(ParseResult parse, CancellationToken ct)
    {
        var name = parse.GetValue(Name)!;
        await using var host = CliHost.Create(parse, openStore: false, usesConnections: true);
        NamedConnection connection;
        try
        {
            connection = await host.Connections.FindAsync(name, ct)
                ?? throw CliException.Invalid($"no connection named '{name}' in the connections file ({host.Settings.ConnectionsPath ?? host.Settings.DefaultConnectionsPath})");
        }
        catch (ConnectionFailedException error)
        {
            throw CliException.Invalid(error.Message);
        }
        var probe = host.Probes.FirstOrDefault(p => p.Kinds.Contains(connection.Kind, StringComparer.OrdinalIgnoreCase))
            ?? throw CliException.Invalid($"connection '{connection.Name}' cannot be tested: no client here speaks kind '{connection.Kind}'");
        var redactor = new SecretRedactor(ConnectionStrings.Secrets(connection.ConnectionString));
        try
        {
            var version = await probe.ProbeAsync(connection, ct);
            Terminal.Out.MarkupLine(Markup.Escape($"connection '{connection.Name}' answered: {redactor.Redact(version)}"));
            return ExitCodes.Finished;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A probe should not quote the secret; a client's own exception might.
            Terminal.Error.MarkupLine(Markup.Escape(redactor.Redact(error.Message)));
            return ExitCodes.Faulted;
        }
    }

    private sealed record ListedConnection(string Name, string Kind);
}
