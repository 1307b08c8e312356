using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using Fluid;
using Fluid.Values;

namespace ElsaFlow.Engine.Expressions;

/// <summary>
/// Renders Liquid templates with the same names JavaScript sees; parsed templates are shared process-wide. Each render
/// runs under the limits of <see cref="ExpressionOptions"/>: steps (statements and loop iterations), time, and the
/// size of the output and of every assigned or captured value (see <see cref="LiquidContext"/>).
/// </summary>
internal static class LiquidEvaluator
{
    private const int Capacity = 10_000;

    private static readonly FluidParser Parser = new();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Templates = new(StringComparer.Ordinal);
    private static readonly TemplateOptions Options = CreateOptions();

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            // A value built up in a loop (assign s = s | append: s) grows without writing output: checked where it is stored.
            Assigned = (_, value, context) => Checked(value, context, "assigned value"),
            Captured = (_, value, context) => Checked(value, context, "captured value")
        };
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

    public static string Render(string text, ExpressionScope scope, string field, ExpressionOptions limits)
    {
        var template = Parse(text, field);
        var context = new LiquidContext(Options, limits);
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
        var writer = new LiquidWriter(context);
        try
        {
            template.RenderAsync(writer, context).AsTask().GetAwaiter().GetResult();
            return writer.ToString();
        }
        catch (LiquidLimitException e)
        {
            throw new ExpressionException(field, e.Message + ExpressionLimits.Where(scope), e);
        }
        catch (InvalidOperationException e) when (context.StepsExceeded)
        {
            throw new ExpressionException(field, $"Liquid stopped after {limits.LiquidMaxSteps:N0} steps, the limit (an endless loop?)" + ExpressionLimits.Where(scope), e);
        }
        catch (Exception e) when (e is not ExpressionException)
        {
            throw new ExpressionException(field, $"Liquid error: {e.Message}", e);
        }
    }

    private static ValueTask<FluidValue> Checked(FluidValue value, TemplateContext context, string what)
    {
        if (context is LiquidContext limited)
        {
            var size = value switch
            {
                StringValue s => s.ToStringValue().Length,
                ArrayValue a => a.Values.Count,
                _ => 0
            };
            limited.CheckText(size, what);
        }
        return ValueTask.FromResult(value);
    }

    private static IFluidTemplate Parse(string text, string field)
    {
        if (Templates.TryGetValue(text, out var template)) return template;
        if (!Parser.TryParse(text, out template, out var error))
            throw new ExpressionException(field, $"Liquid syntax error: {error}");
        template = new LiquidRange.Rewriter().VisitTemplate(template);
        if (Templates.Count >= Capacity) Templates.Clear();
        Templates[text] = template;
        return template;
    }
}
