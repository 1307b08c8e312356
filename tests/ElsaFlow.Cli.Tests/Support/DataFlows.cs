using System.Text.Json;

namespace ElsaFlow.Cli.Tests.Support;

/// <summary>Small data flows and their CSV, written by the tests into the working folder (the data root).</summary>
public static class DataFlows
{
    public const string People = """
        id,name,amount
        1,ann,5
        2,bob,20
        3,cy,15
        4,dee,40
        5,eve,8
        """;

    /// <summary>CsvInput read -> Filter big (amount >= 10, a view) -> Sort ranked (amount desc, a table) -> CsvOutput write (out.csv).</summary>
    public const string Ranking = """
        {"definitionId": "ranking",
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "CsvInput", "path": "people.csv"},
           {"id": "big", "type": "Filter", "condition": "amount >= 10"},
           {"id": "ranked", "type": "Sort", "by": [{"column": "amount", "descending": true}]},
           {"id": "write", "type": "CsvOutput", "path": "out.csv"}],
          "connections": [
           {"source": {"activity": "read", "port": "Done"}, "target": {"activity": "big", "port": "In"}},
           {"source": {"activity": "big", "port": "Done"}, "target": {"activity": "ranked", "port": "In"}},
           {"source": {"activity": "ranked", "port": "Done"}, "target": {"activity": "write", "port": "In"}}]}}
        """;

    /// <summary>CsvInput a -> Sort b (by id desc; or the step given) -> BlockingFilter c (amount >= 10) -> CsvOutput d (out.csv); c signals and blocks while the marker exists.</summary>
    public static string Crash(string signal, string block, string b = """{"id": "b", "type": "Sort", "by": [{"column": "id", "descending": true}]}""") => $$$"""
        {"definitionId": "data-crash",
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "a", "type": "CsvInput", "path": "people.csv"},
           {{{b}}},
           {"id": "c", "type": "BlockingFilter", "signal": {{{JsonSerializer.Serialize(signal)}}}, "block": {{{JsonSerializer.Serialize(block)}}}, "condition": "amount >= 10"},
           {"id": "d", "type": "CsvOutput", "path": "out.csv"}],
          "connections": [
           {"source": {"activity": "a", "port": "Done"}, "target": {"activity": "b", "port": "In"}},
           {"source": {"activity": "b", "port": "Done"}, "target": {"activity": "c", "port": "In"}},
           {"source": {"activity": "c", "port": "Done"}, "target": {"activity": "d", "port": "In"}}]}}
        """;
}
