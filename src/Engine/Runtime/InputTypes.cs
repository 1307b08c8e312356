using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Engine.Model;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Engine.Runtime;

/// <summary>
/// Checks the values a caller starts a flow with against the types its inputs declare, before any of them reaches an
/// expression or SQL: a Number input is a number, an Integer a whole number, a Boolean true or false. Text that reads as
/// the declared type ("42", "true": what a command line or a query string gives) becomes that type. A value for an input
/// the flow does not declare is a problem too, listing the inputs it has (a misspelt name would otherwise be ignored).
/// </summary>
internal static class InputTypes
{
    /// <summary>The given values, typed; every value that does not fit is a problem naming the flow and the input.</summary>
    public static List<ValidationProblem> Apply(WorkflowDefinition definition, JsonObject inputs)
    {
        var problems = new List<ValidationProblem>();
        var declared = definition.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, _) in inputs)
            if (!declared.Contains(name))
                problems.Add(new ValidationProblem(definition.DefinitionId, null, name, $"this flow has no input '{name}'; {Declared(definition)}"));
        foreach (var input in definition.Inputs)
        {
            if (!inputs.TryGetPropertyValue(input.Name, out var value) || value is null) continue;
            if (Typed(value, input.Type) is { } typed) inputs[input.Name] = typed;
            else problems.Add(new ValidationProblem(definition.DefinitionId, null, input.Name,
                $"this workflow input is {Article(input.Type)}, but {Shorten(value.ToJsonString())} was given"));
        }
        return problems;
    }

    // The value as the declared type; null when it is not one. Types other than these take any value.
    private static JsonNode? Typed(JsonNode value, string type) => type switch
    {
        "Number" => Number(value, whole: false),
        "Integer" => Number(value, whole: true),
        "Boolean" => value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value
            : Text(value) is { } text && bool.TryParse(text.Trim(), out var flag) ? JsonValue.Create(flag) : null,
        _ => value
    };

    private static JsonNode? Number(JsonNode value, bool whole)
    {
        if (value.GetValueKind() == JsonValueKind.Number)
            return !whole || value.AsValue().TryGetValue<long>(out _) ? value : null;
        if (Text(value)?.Trim() is not { Length: > 0 } text) return null;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return JsonValue.Create(integer);
        return !whole && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? JsonValue.Create(number) : null;
    }

    private static string Declared(WorkflowDefinition definition) => definition.Inputs.Count == 0
        ? "it takes no inputs"
        : "its inputs are " + string.Join(", ", definition.Inputs.Select(i => $"{i.Name} ({i.Type})"));

    private static string? Text(JsonNode value) => value is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private static string Article(string type) => type is "Integer" ? "an Integer" : $"a {type}";

    private static string Shorten(string text) => text.Length > 60 ? text[..57] + "..." : text;
}
