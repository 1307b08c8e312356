using System.Text.Json;
using System.Text.RegularExpressions;

namespace ElsaFlow.Engine.Loading.Importers.Elsa3;

/// <summary>
/// Elsa's JavaScript sees helpers ElsaFlow's scope does not have (<c>getVariable</c>, <c>setVariable</c>,
/// <c>get&lt;Name&gt;()</c>/<c>set&lt;Name&gt;(v)</c>, <c>getInput</c>, <c>getCurrentValue()</c>). Rather than teach the
/// engine Elsa's globals, the import writes the few a script uses as function declarations in front of it, over
/// ElsaFlow's <c>variables</c>, <c>inputs</c> and <c>item</c>: visible in the document, and nothing changes for native flows.
/// </summary>
internal static partial class Elsa3Scripts
{
    public static string Translate(string script, IReadOnlyCollection<string> variableNames)
    {
        var helpers = new List<string>();
        if (Uses(script, "getVariable")) helpers.Add("function getVariable(name) { return variables[name]; }");
        if (Uses(script, "setVariable")) helpers.Add("function setVariable(name, value) { variables[name] = value; }");
        if (Uses(script, "getInput")) helpers.Add("function getInput(name) { return inputs[name]; }");
        if (Uses(script, "getCurrentValue")) helpers.Add("function getCurrentValue() { return item; }");
        foreach (var name in variableNames.Where(IsIdentifier))
        {
            var key = JsonSerializer.Serialize(name);
            if (Uses(script, "get" + name)) helpers.Add($"function get{name}() {{ return variables[{key}]; }}");
            if (Uses(script, "set" + name)) helpers.Add($"function set{name}(value) {{ variables[{key}] = value; }}");
        }
        foreach (Match m in InputAccessor().Matches(script))
            if (m.Groups[1].Value is { Length: > 0 } input && !helpers.Any(h => h.Contains($"getInput{input}(")))
                helpers.Add($"function getInput{input}() {{ return inputs[{JsonSerializer.Serialize(input)}] ?? inputs[{JsonSerializer.Serialize(char.ToLowerInvariant(input[0]) + input[1..])}]; }}");
        // A FlowDecision's script may be a function body ("return false;"): run it as one.
        var body = ReturnStatement().IsMatch(script) ? $"(function () {{ {script} }})()" : script;
        return helpers.Count == 0 ? body : string.Join(" ", helpers) + "\n" + body;
    }

    private static bool Uses(string script, string name) => Regex.IsMatch(script, $@"\b{Regex.Escape(name)}\s*\(");

    private static bool IsIdentifier(string name) => Regex.IsMatch(name, "^[A-Za-z_$][A-Za-z0-9_$]*$");

    [GeneratedRegex(@"\bgetInput([A-Z][A-Za-z0-9_]*)\s*\(")]
    private static partial Regex InputAccessor();

    [GeneratedRegex(@"(^|[;{}\s])return\b")]
    private static partial Regex ReturnStatement();
}
