using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElsaFlow.Engine.Expressions;

/// <summary>Fills <c>${name}</c> placeholders in text or SQL from the scope's variables and inputs.</summary>
/// <remarks>
/// A bare <c>${name}</c> looks in variables first, then inputs: variables are what the flow has computed so far,
/// so they win over the values it started with. <c>${variables.name}</c> and <c>${inputs.name}</c> pick one
/// explicitly; further <c>.member</c> segments walk into objects. <c>$${</c> writes a literal <c>${</c>. In SQL the
/// values are always data, wherever the placeholder stands (<see cref="SqlPlaceholders"/>).
/// </remarks>
internal static class Placeholders
{
    public static string Fill(string text, ExpressionScope scope, bool sql, string field)
    {
        var start = text.IndexOf("${", StringComparison.Ordinal);
        if (start < 0) return text;
        if (sql) return SqlPlaceholders.Fill(text, name => Resolve(name, scope, field), field);
        var result = new StringBuilder(text.Length + 16);
        var position = 0;
        while (start >= 0)
        {
            if (start > 0 && text[start - 1] == '$')
            {
                // "$${" is the escape: keep one "$" and the "{", and do not treat it as a placeholder.
                result.Append(text, position, start - position).Append('{');
                position = start + 2;
            }
            else
            {
                var end = text.IndexOf('}', start + 2);
                if (end < 0) throw new ExpressionException(field, $"placeholder '{Shorten(text[start..])}' has no closing '}}'");
                var name = text[(start + 2)..end].Trim();
                result.Append(text, position, start - position);
                result.Append(AsText(Resolve(name, scope, field)));
                position = end + 1;
            }
            start = text.IndexOf("${", position, StringComparison.Ordinal);
        }
        return result.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>The value of every <c>${name}</c> in the text, by name as written (<c>$${</c> is no placeholder).</summary>
    public static JsonObject Values(string text, ExpressionScope scope, string field)
    {
        var values = new JsonObject();
        var start = text.IndexOf("${", StringComparison.Ordinal);
        while (start >= 0)
        {
            var position = start + 2;
            if (start == 0 || text[start - 1] != '$')
            {
                var end = text.IndexOf('}', start + 2);
                if (end < 0) throw new ExpressionException(field, $"placeholder '{Shorten(text[start..])}' has no closing '}}'");
                var name = text[(start + 2)..end].Trim();
                if (!values.ContainsKey(name)) values[name] = Resolve(name, scope, field)?.DeepClone();
                position = end + 1;
            }
            start = text.IndexOf("${", position, StringComparison.Ordinal);
        }
        return values;
    }

    private static JsonNode? Resolve(string name, ExpressionScope scope, string field)
    {
        var path = name.Split('.');
        if (path.Any(string.IsNullOrWhiteSpace)) throw new ExpressionException(field, $"placeholder '${{{name}}}' is not a name");
        JsonNode? node;
        int next;
        if (path.Length > 1 && path[0] is "variables" or "inputs")
        {
            var source = path[0] == "variables" ? scope.Variables : scope.Inputs;
            if (!source.TryGetPropertyValue(path[1], out node))
                throw new ExpressionException(field, $"placeholder '${{{name}}}': no {(path[0] == "variables" ? "variable" : "input")} named '{path[1]}'");
            next = 2;
        }
        else if (!scope.Variables.TryGetPropertyValue(path[0], out node) && !scope.Inputs.TryGetPropertyValue(path[0], out node))
            throw new ExpressionException(field, $"placeholder '${{{name}}}': no variable or input named '{path[0]}'");
        else next = 1;

        for (var i = next; i < path.Length; i++)
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(path[i], out node))
                throw new ExpressionException(field, $"placeholder '${{{name}}}': '{string.Join('.', path[..i])}' has no member '{path[i]}'");
        }
        return node;
    }

    /// <summary>How a text placeholder writes a value: strings as they are, anything else as JSON.</summary>
    public static string AsText(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? JsonValues.ToText(v) : (value is null ? "null" : JsonValues.ToJsonText(value));

    private static string Shorten(string text) => text.Length > 40 ? text[..37] + "..." : text;
}
