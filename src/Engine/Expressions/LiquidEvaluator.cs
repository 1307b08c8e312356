using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using Fluid;
using Fluid.Values;

namespace ElsaFlow.Engine.Expressions;

/// <summary>Renders Liquid templates with the same names JavaScript sees; parsed templates are shared process-wide.</summary>
internal static class LiquidEvaluator
{
    private const int Capacity = 10_000;

    private static readonly FluidParser Parser = new();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Templates = new(StringComparer.Ordinal);
    private static readonly TemplateOptions Options = CreateOptions();

    private static TemplateOptions CreateOptions()
    {
        // A step limit, so a template with runaway loops ends with an error instead of holding the instance.
        var options = new TemplateOptions { MaxSteps = 1_000_000 };
        // JSON objects are read lazily through JsonObjectIndexable; arrays become lists whose items convert on use.
        options.ValueConverters.Add(value => value switch
        {
            JsonObject o => new DictionaryValue(new JsonObjectIndexable(o, options)),
            JsonArray a => a.ToList(),
            JsonValue v => ValueConverter.ToPlain(v),
            _ => null
        });
        return options;
    }

    public static string Render(string text, ExpressionScope scope, string field)
    {
        var template = Parse(text, field);
        var context = new TemplateContext(Options);
        context.SetValue("inputs", scope.Inputs);
        context.SetValue("variables", scope.Variables);
        context.SetValue("outputs", new DictionaryValue(new OutputsIndexable(scope.Outputs, Options)));
        context.SetValue("incoming", scope.Incoming);
        if (scope.Loop is { } loop)
        {
            context.SetValue("item", loop.Item);
            context.SetValue("index", loop.Index);
            context.SetValue("row", loop.Row);
        }
        try
        {
            return template.Render(context);
        }
        catch (Exception e) when (e is not ExpressionException)
        {
            throw new ExpressionException(field, $"Liquid error: {e.Message}", e);
        }
    }

    private static IFluidTemplate Parse(string text, string field)
    {
        if (Templates.TryGetValue(text, out var template)) return template;
        if (!Parser.TryParse(text, out template, out var error))
            throw new ExpressionException(field, $"Liquid syntax error: {error}");
        if (Templates.Count >= Capacity) Templates.Clear();
        Templates[text] = template;
        return template;
    }
}
