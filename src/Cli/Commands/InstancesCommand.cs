using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ElsaFlow.Cli.Hosting;
using ElsaFlow.Cli.Output;
using ElsaFlow.Engine.Secrets;
using ElsaFlow.Engine.Store;
using Spectre.Console;

namespace ElsaFlow.Cli.Commands;

/// <summary><c>elsaflow instances</c>: lists instances in the store, newest first.</summary>
public static class InstancesCommand
{
    private static readonly Option<WorkflowStatus?> Status = new("--status", "-s") { Description = "Only instances in this status" };
    private static readonly Option<string?> Definition = new("--definition", "-d") { Description = "Only instances of this definition id" };
    private static readonly Option<int> Take = new("--take", "-n") { Description = "How many to list", DefaultValueFactory = _ => 20 };
    private static readonly Option<bool> Json = new("--json") { Description = "Print the instances as a JSON array" };

    public static Command Create()
    {
        var command = new Command("instances", "List workflow instances") { Status, Definition, Take, Json };
        CommandActions.Set(command, ListAsync);
        return command;
    }

    private static async Task<int> ListAsync(ParseResult parse, CancellationToken ct)
    {
        if (parse.GetValue(Take) <= 0) throw CliException.Invalid("--take must be a positive number");
        await using var host = CliHost.Create(parse, openStore: true);
        var query = new InstanceQuery { Status = parse.GetValue(Status), DefinitionId = parse.GetValue(Definition), Take = parse.GetValue(Take) };
        var page = await host.Store.ListInstancesAsync(query, ct);
        // An error can quote a secret (an HTTP error echoing a header): redacted per instance, like the server's list.
        var items = new List<InstanceRecord>(page.Items.Count);
        foreach (var item in page.Items) items.Add(item.Error is null ? item : (await host.Secrets.ForAsync(item.Id, ct)).Redact(item));
        if (parse.GetValue(Json))
        {
            CliJson.Write(new JsonArray(items.Select(i => (JsonNode)new JsonObject
            {
                ["id"] = i.Id, ["definitionId"] = i.DefinitionId, ["version"] = i.DefinitionVersion, ["status"] = i.Status.ToString(),
                ["correlationId"] = i.CorrelationId, ["createdAt"] = i.CreatedAt, ["updatedAt"] = i.UpdatedAt, ["error"] = i.Error
            }).ToArray()));
            return ExitCodes.Finished;
        }
        var table = new Table().AddColumns("id", "definition", "version", "status", "created", "updated", "error");
        foreach (var i in items)
            table.AddRow(Markup.Escape(i.Id), Markup.Escape(i.DefinitionId), i.DefinitionVersion.ToString(CultureInfo.InvariantCulture),
                i.Status.ToString(), Time(i.CreatedAt), Time(i.UpdatedAt), Markup.Escape(i.Error ?? ""));
        Terminal.Out.Write(table);
        Terminal.Out.WriteLine($"{page.Items.Count} of {page.Total} instance(s)");
        return ExitCodes.Finished;
    }

    private static string Time(DateTimeOffset time) => time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
