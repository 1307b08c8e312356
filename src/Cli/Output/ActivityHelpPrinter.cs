using System.Text.Json.Nodes;
using ElsaFlow.Engine.Descriptors;
using Spectre.Console;

namespace ElsaFlow.Cli.Output;

/// <summary>
/// One activity type as someone writing a flow by hand needs it: its ports, each input with its shape (an example for
/// objects and lists of objects, the choices of an enumerated one), and an example of the activity in a flow file.
/// </summary>
public static class ActivityHelpPrinter
{
    public static void Print(IAnsiConsole console, ActivityDescriptor descriptor)
    {
        console.MarkupLine($"[bold]{Markup.Escape(descriptor.Type)}[/] ({Markup.Escape(descriptor.Category)}): {Markup.Escape(descriptor.Description)}");
        var outcomes = descriptor.DynamicOutcomes ? [.. descriptor.Outcomes, "(one per case or branch)"] : descriptor.Outcomes;
        console.MarkupLine($"ports: in {Markup.Escape(string.Join(", ", descriptor.InputPorts.DefaultIfEmpty("In")))}; out {Markup.Escape(string.Join(", ", outcomes))}");
        if (descriptor.Inputs.Count == 0)
        {
            console.MarkupLine("inputs: none");
        }
        else
        {
            var table = new Table().AddColumns("input", "shape", "required", "description");
            foreach (var input in descriptor.Inputs)
            {
                table.AddRow(Markup.Escape(input.Name), Markup.Escape(Shape(input)), input.Required ? "yes" : "", Markup.Escape(Describe(input)));
                // The fields of each item, so a choice among them (Group's function) shows its options.
                var each = input.ItemType is null ? "." : "[].";
                foreach (var field in input.Fields ?? [])
                    table.AddRow(Markup.Escape($"  {input.Name}{each}{field.Name}"), Markup.Escape(Shape(field)), "", Markup.Escape(Describe(field)));
            }
            console.Write(table);
        }
        console.MarkupLine("example:");
        console.WriteLine("  " + InputExamples.Readable(Example(descriptor)), Style.Plain);
    }

    /// <summary>An input's shape: its example when it has one, its choices, or its type.</summary>
    public static string Shape(InputDescriptor input) =>
        input.Example is { } example ? InputExamples.Readable(example)
        : input.Options is { Count: > 0 } options ? $"one of {string.Join(", ", options)}"
        : input.ItemType is { } item ? $"list of {item}"
        : input.Type;

    private static string Describe(InputDescriptor input) =>
        input.Default is { } value and not (JsonArray { Count: 0 } or JsonObject { Count: 0 })
            ? $"{input.Description} (default {InputExamples.Readable(value)})".TrimStart()
            : input.Description;

    // The activity as a flow file writes it: its required inputs and the ones with an example.
    private static JsonObject Example(ActivityDescriptor descriptor)
    {
        var activity = new JsonObject { ["id"] = char.ToLowerInvariant(descriptor.Type[0]) + descriptor.Type[1..] + "1", ["type"] = descriptor.Type };
        foreach (var input in descriptor.Inputs.Where(i => i.Required || i.Example is not null))
            activity[input.Name] = input.Example?.DeepClone() ?? Placeholder(input);
        return activity;
    }

    private static JsonNode Placeholder(InputDescriptor input) =>
        input.Options is { Count: > 0 } options ? JsonValue.Create(options[0])
        : input.ItemType is not null ? new JsonArray(JsonValue.Create("..."))
        : input.Type switch
        {
            "Boolean" => JsonValue.Create(false),
            "Integer" or "Number" => JsonValue.Create(0),
            "Object" or "Map" => new JsonObject(),
            _ => JsonValue.Create("...")
        };
}
