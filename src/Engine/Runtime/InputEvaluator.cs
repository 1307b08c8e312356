using System.Text.Json.Nodes;
using ElsaFlow.Engine.Descriptors;
using ElsaFlow.Engine.Expressions;
using ElsaFlow.Engine.Runtime.Graph;

namespace ElsaFlow.Engine.Runtime;

/// <summary>Turns raw input values (literals, expressions, <c>${name}</c> placeholders, nested mixtures) into values.</summary>
internal static class InputEvaluator
{
    /// <summary>Every input the flow set on a node, evaluated, ready to travel in an ExecuteActivity message.</summary>
    public static JsonObject EvaluateAll(GraphNode node, ExpressionScope scope, IExpressionEngine engine)
    {
        var result = new JsonObject();
        foreach (var (name, raw) in node.Node.Inputs)
        {
            if (node.Descriptor.FindInput(name) is not { } input) continue;
            var value = Evaluate(raw, input, scope, engine, name);
            result[name] = value?.Parent is null ? value : value.DeepClone();
        }
        return result;
    }

    /// <summary>Evaluates one raw value. A plain string is code when the input's default syntax says so.</summary>
    public static JsonNode? Evaluate(JsonNode? raw, string defaultSyntax, ExpressionScope scope, IExpressionEngine engine, string field) =>
        Evaluate(raw, defaultSyntax, null, scope, engine, field);

    /// <summary>
    /// Evaluates a raw value against its descriptor: nested fields keep their own syntax, so the SQL expression of an
    /// AddField field gets its <c>${name}</c> placeholders filled as quoted SQL literals, not as plain text.
    /// </summary>
    public static JsonNode? Evaluate(JsonNode? raw, InputDescriptor input, ExpressionScope scope, IExpressionEngine engine, string field) =>
        Evaluate(raw, input.DefaultSyntax, input.Fields, scope, engine, field);

    private static JsonNode? Evaluate(JsonNode? raw, string defaultSyntax, IReadOnlyList<InputDescriptor>? fields,
        ExpressionScope scope, IExpressionEngine engine, string field)
    {
        switch (raw)
        {
            case null:
                return null;
            case JsonObject when Expression.TryRead(raw, out var expression):
                return engine.Evaluate(expression, scope, field);
            case JsonValue value when value.TryGetValue<string>(out var text):
                return defaultSyntax switch
                {
                    ExpressionTypes.JavaScript => engine.Evaluate(new Expression(ExpressionTypes.JavaScript, text), scope, field),
                    ExpressionTypes.Sql => JsonValue.Create(engine.FillPlaceholders(text, scope, sql: true, field)),
                    ExpressionTypes.SqlParameters => SqlParameterQuery.Wrap(text, Placeholders.Values(text, scope, field)),
                    _ when text.Contains("${", StringComparison.Ordinal) => JsonValue.Create(engine.FillPlaceholders(text, scope, sql: false, field)),
                    _ => raw
                };
            case JsonObject obj:
            {
                var result = new JsonObject();
                foreach (var (key, child) in obj)
                {
                    var nested = fields?.FirstOrDefault(f => f.Name == key);
                    result[key] = Detached(Evaluate(child, nested?.DefaultSyntax ?? "Literal", nested?.Fields, scope, engine, $"{field}.{key}"));
                }
                return result;
            }
            case JsonArray array:
            {
                var result = new JsonArray();
                // List items share the list's fields: they describe one item.
                for (var i = 0; i < array.Count; i++)
                    result.Add(Detached(Evaluate(array[i], "Literal", fields, scope, engine, $"{field}[{i}]")));
                return result;
            }
            default:
                return raw;
        }
    }

    private static JsonNode? Detached(JsonNode? node) => node?.Parent is null ? node : node.DeepClone();
}
