using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Expressions;

/// <summary>An expression written in a flow as <c>{"expression": {"type": T, "value": ...}}</c>.</summary>
public sealed record Expression(string Type, string Value)
{
    /// <summary>Reads <c>{"expression": {"type", "value"}}</c>; false for anything else.</summary>
    public static bool TryRead(JsonNode? node, out Expression expression)
    {
        expression = null!;
        if (node is not JsonObject { Count: 1 } wrapper || !wrapper.TryGetPropertyValue("expression", out var inner) || inner is not JsonObject body)
            return false;
        var type = body["type"] is JsonValue t && t.TryGetValue<string>(out var ts) ? ts : ExpressionTypes.Literal;
        var value = body["value"] switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            var other => other.ToJsonString()
        };
        expression = new Expression(type, value);
        return true;
    }

    public JsonObject ToJson() => new() { ["expression"] = new JsonObject { ["type"] = Type, ["value"] = Value } };
}

/// <summary>The expression languages a flow may use.</summary>
public static class ExpressionTypes
{
    public const string Literal = "Literal";
    public const string JavaScript = "JavaScript";
    public const string Liquid = "Liquid";
    public const string Variable = "Variable";

    /// <summary>SQL text for data activities; the engine only fills its <c>${name}</c> placeholders as quoted SQL literals.</summary>
    public const string Sql = "Sql";

    /// <summary>
    /// A default syntax only (never written as an expression type): SQL sent to a database server, whose <c>${name}</c>
    /// placeholders stay in the text and travel beside it with their values, to be bound as command parameters
    /// (<see cref="SqlParameterQuery"/>), so a value can never become SQL.
    /// </summary>
    public const string SqlParameters = "SqlParameters";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Literal, JavaScript, Liquid, Variable, Sql };
}
