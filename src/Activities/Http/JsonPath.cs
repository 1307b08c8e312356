using System.Globalization;
using System.Text.Json.Nodes;

namespace ElsaFlow.Activities.Http;

/// <summary>A simple JSON path: dot-separated names and array indexes (<c>data.items</c>, <c>$.meta.next</c>, <c>pages.0.rows</c>).</summary>
internal static class JsonPath
{
    /// <summary>The node at the path, or null when a step is missing; an empty path is the document itself.</summary>
    public static JsonNode? Find(JsonNode? document, string path)
    {
        var node = document;
        foreach (var step in Steps(path))
        {
            node = node switch
            {
                JsonObject o => o[step],
                JsonArray a when int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null
            };
            if (node is null) return null;
        }
        return node;
    }

    private static IEnumerable<string> Steps(string path)
    {
        var trimmed = path.Trim();
        if (trimmed.StartsWith('$')) trimmed = trimmed[1..];
        return trimmed.Replace("[", ".").Replace("]", "").Split('.', StringSplitOptions.RemoveEmptyEntries);
    }
}
