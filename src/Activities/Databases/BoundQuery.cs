using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Activities.Data;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// A query with its <c>${name}</c> placeholders turned into command parameters of the server (@p0, $1...), and their
/// values. A placeholder is only allowed where a value may stand: inside a quoted string, a quoted name or a comment it
/// could not be a parameter, so it is refused rather than pasted.
/// </summary>
internal sealed record BoundQuery(string Sql, IReadOnlyList<object?> Values)
{
    public static BoundQuery Bind(string sql, JsonObject values, DatabaseDialect dialect, string field = "query")
    {
        var result = new StringBuilder(sql.Length + 16);
        var bound = new List<object?>();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 0;
        char? quote = null;
        var lineComment = false;
        var blockComment = false;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            if (c == '$' && next == '$' && i + 2 < sql.Length && sql[i + 2] == '{')
            {
                result.Append("${");
                i += 3;
                continue;
            }
            if (c == '$' && next == '{')
            {
                var end = sql.IndexOf('}', i + 2);
                if (end < 0) throw new DataStepException($"{field}: placeholder '{sql[i..Math.Min(sql.Length, i + 20)]}' has no closing '}}'");
                var name = sql[(i + 2)..end].Trim();
                if (quote is not null || lineComment || blockComment)
                    throw new DataStepException($"{field}: placeholder '${{{name}}}' is inside a quoted string, quoted name or comment; " +
                        $"it is sent as a parameter, so write it bare where a value goes, as in region = ${{{name}}}");
                if (!byName.TryGetValue(name, out var index))
                {
                    if (!values.TryGetPropertyValue(name, out var value))
                        throw new DataStepException($"{field}: placeholder '${{{name}}}' has no value; use a variable or workflow input of that name");
                    index = bound.Count;
                    byName[name] = index;
                    bound.Add(Clr(value, name, field));
                }
                result.Append(dialect.Marker(index, bound[index]));
                i = end + 1;
                continue;
            }
            if (lineComment) { if (c == '\n') lineComment = false; }
            else if (blockComment) { if (c == '*' && next == '/') { blockComment = false; result.Append(c); i++; c = next; } }
            else if (quote is { } open) { if (c == open) quote = null; else if (c == '\\' && open != '"' && open != '`' && next != '\0') { result.Append(c); i++; c = next; } }
            else if (c is '\'' or '"' or '`') quote = c;
            else if (c == '-' && next == '-' || c == '#') lineComment = true;
            else if (c == '/' && next == '*') blockComment = true;
            result.Append(c);
            i++;
        }
        return new BoundQuery(result.ToString(), bound);
    }

    /// <summary>A JSON value as the CLR value a client binds: text, a whole or decimal number, a boolean, or NULL.</summary>
    private static object? Clr(JsonNode? value, string name, string field) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        // Read from the JSON text: a value built in code (JsonValue<int>) does not convert to long the way a parsed one does.
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => long.TryParse(v.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l
            : decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : v.GetValue<double>(),
        _ => throw new DataStepException($"{field}: placeholder '${{{name}}}' holds {value.GetValueKind().ToString().ToLowerInvariant()} " +
            "data; a parameter takes one text, number or boolean value")
    };

    /// <summary>Adds the values as the command's parameters.</summary>
    public void AddTo(System.Data.Common.DbCommand command, DatabaseDialect dialect)
    {
        for (var i = 0; i < Values.Count; i++) dialect.AddParameter(command, i, Values[i]);
    }
}
