using System.Text.Json.Nodes;

namespace ElsaFlow.Activities.Tests.Transforms;

/// <summary>Small flows for transform tests: CSV files read by CsvInput steps and wired into the step under test.</summary>
internal static class TransformFlow
{
    /// <summary>read (in.csv) -> step.</summary>
    public static string Single(string step) => Flow([Read("read", "in.csv"), step], [("read", "Done", "step", "In")]);

    /// <summary>A flowchart from activity JSON objects and (source, port, target, port) connections.</summary>
    public static string Flow(IEnumerable<string> activities, IEnumerable<(string From, string FromPort, string To, string ToPort)> connections)
    {
        var links = connections.Select(c =>
            "{\"source\": {\"activity\": \"" + c.From + "\", \"port\": \"" + c.FromPort + "\"}, " +
            "\"target\": {\"activity\": \"" + c.To + "\", \"port\": \"" + c.ToPort + "\"}}");
        return "{\"definitionId\": \"t\", \"root\": {\"id\": \"root\", \"type\": \"Flowchart\", " +
               "\"activities\": [" + string.Join(", ", activities) + "], \"connections\": [" + string.Join(", ", links) + "]}}";
    }

    public static string Read(string id, string path) => $$"""{"id": "{{id}}", "type": "CsvInput", "path": "{{path}}"}""";

    /// <summary>Rows as "a|b|c" lines (NULL as ∅), in the order given.</summary>
    public static List<string> Lines(IEnumerable<JsonObject> rows) =>
        rows.Select(r => string.Join("|", r.Select(p => p.Value is null ? "∅" : p.Value.ToString()))).ToList();

    /// <summary>Rows as lines, sorted, for steps whose row order is not promised.</summary>
    public static List<string> Sorted(IEnumerable<JsonObject> rows) => Lines(rows).Order(StringComparer.Ordinal).ToList();

    public static List<string> Names(IEnumerable<JsonObject> rows) => rows.FirstOrDefault()?.Select(p => p.Key).ToList() ?? [];
}
