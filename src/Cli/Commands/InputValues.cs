using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElsaFlow.Cli.Commands;

/// <summary>Turns <c>--input k=v</c> and <c>--payload</c> text into JSON values.</summary>
public static class InputValues
{
    /// <summary>Each value is JSON when it parses as JSON (numbers, true/false, objects, quoted strings), else the plain text.</summary>
    public static JsonObject Parse(IEnumerable<string> pairs)
    {
        var inputs = new JsonObject();
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
                throw CliException.Invalid($"--input '{pair}' must look like name=value");
            var name = pair[..equals].Trim();
            if (inputs.ContainsKey(name))
                throw CliException.Invalid($"--input '{name}' is given twice");
            inputs[name] = JsonOrText(pair[(equals + 1)..]);
        }
        return inputs;
    }

    /// <summary>A resume payload must be JSON: a typo should not silently resume with a string.</summary>
    public static JsonNode? ParsePayload(string? text)
    {
        if (text is null) return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw CliException.Invalid($"--payload is not valid JSON: {e.Message}");
        }
    }

    private static JsonNode? JsonOrText(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
