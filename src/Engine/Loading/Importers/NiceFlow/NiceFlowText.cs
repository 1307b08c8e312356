using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ElsaFlow.Engine.Loading.Importers.NiceFlow;

/// <summary>
/// NiceFlow's <c>${name}</c>: plain text substitution, late bound, a missing name is empty, dots belong to the name
/// (<c>${row.city}</c> is the key "row.city", which a For sets for the current row). In text the native
/// <c>${name}</c> means the same for declared names, so it stays; <c>${row.x}</c> becomes JavaScript over the loop's
/// <c>row</c>. In SQL NiceFlow pastes raw text where ElsaFlow writes a quoted literal, so SQL with placeholders becomes
/// an explicit JavaScript expression that builds the statement: visible in the imported document, and never the
/// default for native flows.
/// </summary>
internal static partial class NiceFlowText
{
    [GeneratedRegex(@"\$\{([^}]+)\}")]
    internal static partial Regex Placeholder();

    public static IEnumerable<string> Names(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    public static bool HasPlaceholder(string text) => Placeholder().IsMatch(text);

    /// <summary>A text input: the literal, the native placeholder text, or JavaScript when a row value is needed.</summary>
    public static JsonNode Text(string text)
    {
        if (!HasPlaceholder(text)) return JsonValue.Create(text);
        if (!Names(text).Any(IsRowName)) return JsonValue.Create(text);
        return Script(Concatenation(text));
    }

    /// <summary>A numeric input: "${row}" becomes a number at run time (NiceFlow hands the plugin the text "20").</summary>
    public static JsonNode Number(JsonNode value)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text) || !HasPlaceholder(text)) return value.DeepClone();
        return Script($"Number({Concatenation(text)})");
    }

    /// <summary>SQL text: raw substitution, as NiceFlow does it (the caller reports the injection caveat).</summary>
    public static JsonNode Sql(string text) => HasPlaceholder(text) ? Script(Concatenation(text)) : JsonValue.Create(text);

    /// <summary>A NiceFlow condition or script (Python after substitution) as JavaScript; what cannot be translated is reported.</summary>
    public static string Condition(string text, out string? untranslatable)
    {
        untranslatable = null;
        var script = Placeholder().Replace(text, m => Reference(m.Groups[1].Value));
        var js = new StringBuilder();
        foreach (var (part, quoted) in Split(script))
            js.Append(quoted ? part : PythonWords().Replace(part, w => w.Value switch
            {
                "and" => "&&", "or" => "||", "not" => "!", "True" => "true", "False" => "false", "None" => "null", _ => w.Value
            }));
        var result = js.ToString();
        if (PythonOnly().Match(result) is { Success: true } m) untranslatable = m.Value.Trim();
        return result;
    }

    public static bool IsRowName(string name) => name.StartsWith("row.", StringComparison.Ordinal);

    /// <summary>JavaScript for the value of a NiceFlow name: the loop row's column, else the variable, else the input.</summary>
    public static string Reference(string name)
    {
        name = name.Trim();
        var key = Literal(name);
        if (!IsRowName(name)) return $"(variables[{key}] ?? inputs[{key}])";
        var column = Literal(name["row.".Length..]);
        return $"(row == null ? variables[{key}] : row[{column}])";
    }

    private static string Concatenation(string text)
    {
        var parts = new List<string>();
        var position = 0;
        foreach (Match m in Placeholder().Matches(text))
        {
            if (m.Index > position) parts.Add(Literal(text[position..m.Index]));
            parts.Add($"String({Reference(m.Groups[1].Value)} ?? '')");
            position = m.Index + m.Length;
        }
        if (position < text.Length) parts.Add(Literal(text[position..]));
        return string.Join(" + ", parts);
    }

    /// <summary>A JavaScript string literal, readable: quotes and non-ASCII as written, not as \u escapes.</summary>
    private static string Literal(string text) => JsonSerializer.Serialize(text, Readable);

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static JsonObject Script(string javaScript) =>
        new() { ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = javaScript } };

    private static IEnumerable<(string Part, bool Quoted)> Split(string text)
    {
        var start = 0;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (quote is null && text[i] is '\'' or '"')
            {
                if (i > start) yield return (text[start..i], false);
                quote = text[i];
                start = i;
            }
            else if (quote == text[i])
            {
                yield return (text[start..(i + 1)], true);
                quote = null;
                start = i + 1;
            }
        }
        if (start < text.Length) yield return (text[start..], quote is not null);
    }

    [GeneratedRegex(@"\b(and|or|not|True|False|None)\b")]
    private static partial Regex PythonWords();

    // Python that has no JavaScript reading: membership, builtins, the plugin's own objects.
    [GeneratedRegex(@"\b(in|is|lambda|len|str|int|float|self|df|import|__\w+)\b(?=\s*[\w(\[""'])|\bself\.|\bdf\b")]
    private static partial Regex PythonOnly();
}
