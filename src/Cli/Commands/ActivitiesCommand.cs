using System.CommandLine;
using ElsaFlow.Cli.Hosting;
using ElsaFlow.Cli.Output;
using Spectre.Console;

namespace ElsaFlow.Cli.Commands;

/// <summary><c>elsaflow activities</c>: every activity type known here (engine and plugins), by category.</summary>
public static class ActivitiesCommand
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print the activity descriptors as a JSON array" };

    public static Command Create()
    {
        var command = new Command("activities", "List the activity types, with their inputs and ports") { Json };
        CommandActions.Set(command, ListAsync);
        return command;
    }

    private static async Task<int> ListAsync(ParseResult parse, CancellationToken ct)
    {
        await using var host = CliHost.Create(parse, openStore: false);
        var descriptors = host.Registry.Descriptors;
        if (parse.GetValue(Json))
        {
            CliJson.Write(descriptors);
            return ExitCodes.Finished;
        }
        foreach (var category in descriptors.GroupBy(d => d.Category))
        {
            Terminal.Out.Write(new Rule($"[bold]{Markup.Escape(category.Key)}[/]") { Justification = Justify.Left });
            var table = new Table().AddColumns("type", "description", "inputs", "outcomes");
            foreach (var d in category)
                table.AddRow(
                    Markup.Escape(d.Type),
                    Markup.Escape(d.Description),
                    Markup.Escape(string.Join(", ", d.Inputs.Select(i => i.Required ? i.Name + "*" : i.Name))),
                    Markup.Escape(string.Join(", ", d.Outcomes)));
            Terminal.Out.Write(table);
        }
        return ExitCodes.Finished;
    }
}
