using System.CommandLine;
using ElsaFlow.Cli.Hosting;
using ElsaFlow.Cli.Output;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Validation;
using Spectre.Console;

namespace ElsaFlow.Cli.Commands;

/// <summary>
/// <c>elsaflow activities</c>: every activity type known here (engine and plugins), by category;
/// <c>elsaflow activities TYPE</c>: one of them, with the shape of each input and an example.
/// </summary>
public static class ActivitiesCommand
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print the activity descriptors as a JSON array (one descriptor with TYPE)" };

    private static readonly Argument<string?> Type = new("type")
    {
        Description = "One activity type to show with its inputs' shapes and an example, e.g. Group", Arity = ArgumentArity.ZeroOrOne
    };

    public static Command Create()
    {
        var command = new Command("activities", "List the activity types, with their inputs and ports; or show one with its inputs' shapes") { Type, Json };
        CommandActions.Set(command, ListAsync);
        return command;
    }

    private static async Task<int> ListAsync(ParseResult parse, CancellationToken ct)
    {
        await using var host = CliHost.Create(parse, openStore: false);
        var descriptors = host.Registry.Descriptors;
        if (parse.GetValue(Type) is { } type) return Show(descriptors, type, parse.GetValue(Json));
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

    private static int Show(IReadOnlyCollection<ActivityDescriptor> descriptors, string type, bool json)
    {
        var descriptor = descriptors.FirstOrDefault(d => d.Type == type) ?? descriptors.FirstOrDefault(d => string.Equals(d.Type, type, StringComparison.OrdinalIgnoreCase));
        if (descriptor is null)
        {
            var close = NameSuggester.Closest(type, descriptors.Select(d => d.Type));
            throw CliException.Invalid($"no activity type '{type}'{(close is null ? "" : $"; did you mean '{close}'?")} (elsaflow activities lists them)");
        }
        if (json) CliJson.Write(descriptor);
        else ActivityHelpPrinter.Print(Terminal.Out, descriptor);
        return ExitCodes.Finished;
    }
}
