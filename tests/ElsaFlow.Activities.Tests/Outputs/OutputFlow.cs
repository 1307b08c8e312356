namespace ElsaFlow.Activities.Tests.Outputs;

/// <summary>Flows for output tests: read a CSV, write it with the output under test, then sort what the output passed on.</summary>
internal static class OutputFlow
{
    public const string Sales = "id,name,amount\n1,ann,5\n2,bob,9\n3,\"c,d\",1\n";

    /// <summary><c>read</c> (CsvInput of <paramref name="csv"/>) -> <paramref name="output"/> (id <c>out</c>) -> <c>after</c> (Sort by id).</summary>
    public static string Chain(string output, string csv = "sales.csv") => $$$"""
        {"definitionId": "output", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "CsvInput", "path": "{{{csv}}}"},
           {{{output}}},
           {"id": "after", "type": "Sort", "by": [{"column": "id"}]}],
         "connections": [
           {"source": {"activity": "read", "port": "Done"}, "target": {"activity": "out", "port": "In"}},
           {"source": {"activity": "out", "port": "Done"}, "target": {"activity": "after", "port": "In"}}]}}
        """;

    /// <summary>The rows as <c>id:name:amount</c> text, the way the tests compare them.</summary>
    public static List<string> Text(IEnumerable<System.Text.Json.Nodes.JsonObject> rows) =>
        rows.Select(r => $"{r["id"]}:{r["name"]}:{r["amount"]}").ToList();

    public static readonly List<string> SalesText = ["1:ann:5", "2:bob:9", "3:c,d:1"];
}
