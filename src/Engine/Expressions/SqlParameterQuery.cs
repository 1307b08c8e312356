using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Expressions;

/// <summary>
/// How an input of default syntax <see cref="ExpressionTypes.SqlParameters"/> reaches its activity: the SQL exactly as
/// written (placeholders included) and the value of each placeholder, so the activity binds them as command parameters
/// instead of pasting them into the text. The pair travels as <c>{"sql": ..., "parameters": {...}}</c>.
/// </summary>
public static class SqlParameterQuery
{
    private const string SqlKey = "sql";
    private const string ParametersKey = "parameters";

    public static JsonObject Wrap(string sql, JsonObject parameters) => new() { [SqlKey] = sql, [ParametersKey] = parameters };

    /// <summary>
    /// The SQL and its placeholder values from what the activity received: the pair, or plain SQL with no values (an
    /// input that did not go through the evaluator, as in a test or an expression that computed the text).
    /// </summary>
    public static (string Sql, JsonObject Parameters) Read(string? received)
    {
        var text = received ?? "";
        if (text.StartsWith('{'))
        {
            try
            {
                if (JsonNode.Parse(text) is JsonObject { Count: 2 } pair && pair[SqlKey] is JsonValue sql && sql.TryGetValue<string>(out var query)
                    && pair[ParametersKey] is JsonObject parameters)
                    return (query, (JsonObject)parameters.DeepClone());
            }
            catch (JsonException)
            {
                // Not the pair: SQL that happens to start with '{' (an ODBC escape), used as it is.
            }
        }
        return (text, new JsonObject());
    }
}
