using System.Text.Json.Nodes;
using ElsaFlow.Engine.ActivityModel;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Expressions;
using ElsaFlow.Engine.Model;

namespace ElsaFlow.Engine.Validation;

/// <summary>Checks an activity's input values against its descriptor: known names, required values, types and expressions.</summary>
internal static class InputRules
{
    /// <summary>An activity's label keys: inputs when the activity declares them (Event's name), its label otherwise.</summary>
    private static readonly HashSet<string> LabelKeys = new(StringComparer.OrdinalIgnoreCase) { "name", "description" };

    public static void Check(ValidationScope scope, ActivityNode node, ActivityDescriptor descriptor)
    {
        foreach (var (name, value) in node.Inputs)
        {
            if (descriptor.FindInput(name) is { } input) CheckValue(scope, node, input, value);
            else if (!LabelKeys.Contains(name))
            {
                var key = $"input:{descriptor.Type}:{name}";
                if (!scope.Hints.TryGetValue(key, out var message)) scope.Hints[key] = message = UnknownInput(name, descriptor);
                scope.Report(node.Id, name, message);
            }
        }
        foreach (var input in descriptor.Inputs.Where(i => i.Required))
            if (!node.Inputs.TryGetValue(input.Name, out var value) || value is null || value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0)
                scope.Report(node.Id, input.Name, $"the required input '{input.Name}' of {descriptor.Type} is missing");
    }

    private static string UnknownInput(string name, ActivityDescriptor descriptor)
    {
        var known = descriptor.Inputs.Select(i => i.Name).ToList();
        // A misspelt behaviour or container key ("retyr", "activites") lands here too, so suggest those as well.
        var hint = NameSuggester.Closest(name, known.Concat(ActivityBehaviours.ReservedKeys)) is { } close ? $"did you mean '{close}'? " : "";
        return known.Count == 0
            ? $"unknown input '{name}'; {hint}{descriptor.Type} has no inputs"
            : $"unknown input '{name}'; {hint}{descriptor.Type} has the inputs {string.Join(", ", known)}";
    }

    private static void CheckValue(ValidationScope scope, ActivityNode node, InputDescriptor input, JsonNode? value)
    {
        if (value is null) return;
        if (Expression.TryRead(value, out var expression))
        {
            CheckExpression(scope, node, input.Name, expression, input);
            return;
        }
        if (input.DefaultSyntax == ExpressionTypes.JavaScript && value is JsonValue v && v.TryGetValue<string>(out var code))
        {
            CheckExpression(scope, node, input.Name, new Expression(ExpressionTypes.JavaScript, code), input);
            return;
        }
        var nested = NestedExpressions(value).ToList();
        foreach (var inner in nested) CheckExpression(scope, node, input.Name, inner, null);
        // A value with expressions inside only gets its final shape when they run, so its type is checked then.
        if (nested.Count == 0 && TypeProblem(node, input, value) is { } problem) scope.Report(node.Id, input.Name, problem);
        else if (nested.Count == 0) CheckChoices(scope, node, input.Name, input, value);
    }

    // A text input with Options (Group's function, Join's joinType) takes one of them, in any case; so does each such
    // field of an object or of every item of a list of objects. Text with placeholders is only known when it runs.
    private static void CheckChoices(ValidationScope scope, ActivityNode node, string field, InputDescriptor input, JsonNode? value)
    {
        if (input.Options is { Count: > 0 } options && (Nullable.GetUnderlyingType(input.ClrType) ?? input.ClrType) == typeof(string)
            && value is JsonValue v && v.TryGetValue<string>(out var text) && !text.Contains("${", StringComparison.Ordinal)
            && !options.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            var hint = NameSuggester.Closest(text.Trim(), options) is { } close ? $"; did you mean '{close}'?" : "";
            scope.Report(node.Id, field, $"'{text}' is not one of {string.Join(", ", options)}{hint}");
        }
        if (input.Fields is not { Count: > 0 } fields) return;
        var items = value switch { JsonArray list => list.Select((item, i) => (Item: item, Field: $"{field}[{i}]")), JsonObject => [(value, field)], _ => [] };
        foreach (var (item, at) in items)
            if (item is JsonObject obj)
                foreach (var inner in fields)
                    if (obj.TryGetPropertyValue(inner.Name, out var innerValue)) CheckChoices(scope, node, $"{at}.{inner.Name}", inner, innerValue);
    }

    private static void CheckExpression(ValidationScope scope, ActivityNode node, string field, Expression expression, InputDescriptor? input)
    {
        var problem = expression.Type switch
        {
            ExpressionTypes.JavaScript => ScriptSyntax.CheckJavaScript(expression.Value),
            ExpressionTypes.Liquid => ScriptSyntax.CheckLiquid(expression.Value),
            ExpressionTypes.Variable when scope.Definition.Variables.All(v => v.Name != expression.Value) =>
                $"the variable '{expression.Value}' is not declared in the flow's variables",
            ExpressionTypes.Literal when input is not null => TypeProblem(node, input, JsonValue.Create(expression.Value)),
            _ when !ExpressionTypes.All.Contains(expression.Type) =>
                $"unknown expression type '{expression.Type}'; use one of {string.Join(", ", ExpressionTypes.All)}",
            _ => null
        };
        if (problem is not null) scope.Report(node.Id, field, problem);
    }

    private static string? TypeProblem(ActivityNode node, InputDescriptor input, JsonNode value)
    {
        try
        {
            ValueConverter.To(value, input.ClrType, $"{node.Id}.{input.Name}");
            return null;
        }
        catch (InputConversionException e)
        {
            var options = input.Options is { Count: > 0 } ? $"; use one of {string.Join(", ", input.Options)}" : "";
            return $"{e.Problem} for input '{input.Name}' ({Expected(input)}){options}";
        }
    }

    private static string Expected(InputDescriptor input) => input.Example switch
    {
        JsonArray example => $"expected a list like {InputExamples.Readable(example)}",
        JsonObject example => $"expected an object like {InputExamples.Readable(example)}",
        _ => input.ItemType is { } item ? $"expected a List of {item}" : $"expected {input.Type}"
    };

    private static IEnumerable<Expression> NestedExpressions(JsonNode? value)
    {
        if (Expression.TryRead(value, out var expression))
        {
            yield return expression;
            yield break;
        }
        var children = value switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => []
        };
        foreach (var child in children)
            foreach (var inner in NestedExpressions(child))
                yield return inner;
    }
}
