namespace ElsaFlow.Cluster.Tests.Support;

/// <summary>The flows the cluster tests run.</summary>
public static class ClusterFlows
{
    /// <summary>
    /// 250 iterations, 8 at a time, each: an unpinned WhoRuns, one pinned to east, one pinned to west, then a SetVariable:
    /// 1,000 activity executions. Each iteration adds item + 3, so total = 250*251/2 + 750 = 32125.
    /// </summary>
    public const string Spread = """
        {"definitionId": "spread", "variables": [{"name": "total", "value": 0}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "items", "type": "ForEach", "parallelism": 8, "items": {"expression": {"type": "JavaScript", "value": "Array.from({length: 250}, (_, i) => i + 1)"}}},
           {"id": "any", "type": "WhoRuns", "value": {"expression": {"type": "JavaScript", "value": "item"}}},
           {"id": "east", "type": "WhoRuns", "worker": "east", "value": {"expression": {"type": "JavaScript", "value": "incoming.value"}}},
           {"id": "west", "type": "WhoRuns", "worker": "west", "value": {"expression": {"type": "JavaScript", "value": "incoming.value"}}},
           {"id": "add", "type": "SetVariable", "variable": "total", "value": {"expression": {"type": "JavaScript", "value": "variables.total + incoming.value"}}},
           {"id": "end", "type": "Finish", "outputs": {"total": {"expression": {"type": "JavaScript", "value": "variables.total"}}}}],
          "connections": [
           {"source": {"activity": "items", "port": "Iterate"}, "target": {"activity": "any", "port": "In"}},
           {"source": {"activity": "any", "port": "Done"}, "target": {"activity": "east", "port": "In"}},
           {"source": {"activity": "east", "port": "Done"}, "target": {"activity": "west", "port": "In"}},
           {"source": {"activity": "west", "port": "Done"}, "target": {"activity": "add", "port": "In"}},
           {"source": {"activity": "items", "port": "Done"}, "target": {"activity": "end", "port": "In"}}]}}
        """;

    /// <summary>Blocks in BlockOnce while the marker file exists (after writing its signal), then adds one.</summary>
    public static string Blocking(string signal, string block) => """
        {"definitionId": "blocking", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "hold", "type": "BlockOnce", "signal": "SIGNAL", "block": "BLOCK"},
           {"id": "after", "type": "WhoRuns", "value": 41},
           {"id": "end", "type": "Finish", "outputs": {"answer": {"expression": {"type": "JavaScript", "value": "outputs.after.value"}}}}]}}
        """.Replace("SIGNAL", signal).Replace("BLOCK", block);

    /// <summary>Ten steps of a code activity that takes a while: total = 55 * k.</summary>
    public const string Steps = """
        {"definitionId": "steps", "inputs": [{"name": "k", "type": "Number", "default": 1}], "variables": [{"name": "total", "value": 0}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "loop", "type": "For", "from": 1, "to": 10},
           {"id": "work", "type": "Sleep", "duration": "00:00:00.400"},
           {"id": "add", "type": "SetVariable", "variable": "total", "value": {"expression": {"type": "JavaScript", "value": "variables.total + item * inputs.k"}}},
           {"id": "end", "type": "Finish", "outputs": {"total": {"expression": {"type": "JavaScript", "value": "variables.total"}}}}],
          "connections": [
           {"source": {"activity": "loop", "port": "Iterate"}, "target": {"activity": "work", "port": "In"}},
           {"source": {"activity": "work", "port": "Done"}, "target": {"activity": "add", "port": "In"}},
           {"source": {"activity": "loop", "port": "Done"}, "target": {"activity": "end", "port": "In"}}]}}
        """;

    /// <summary>A data flow whose steps alternate between the two groups, so every dataset crosses from one worker to the other.</summary>
    public const string PinnedData = """
        {"definitionId": "pinned-data", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "CsvInput", "path": "sales.csv", "worker": "east"},
           {"id": "big", "type": "Filter", "condition": "amount > 2", "worker": "west"},
           {"id": "totals", "type": "Group", "by": ["region"], "aggregations": [{"column": "amount", "function": "sum", "as": "total"}, {"function": "count", "as": "orders"}], "worker": "east"},
           {"id": "order", "type": "Sort", "by": [{"column": "total", "descending": true}], "worker": "west"},
           {"id": "write", "type": "CsvOutput", "path": "out/pinned-totals.csv", "worker": "east"}],
          "connections": [
           {"source": {"activity": "read", "port": "Done"}, "target": {"activity": "big", "port": "In"}},
           {"source": {"activity": "big", "port": "Done"}, "target": {"activity": "totals", "port": "In"}},
           {"source": {"activity": "totals", "port": "Done"}, "target": {"activity": "order", "port": "In"}},
           {"source": {"activity": "order", "port": "Done"}, "target": {"activity": "write", "port": "In"}}]}}
        """;

    /// <summary>An HTTP trigger whose middle step runs on a worker of group east; the answer comes from the master holding the request.</summary>
    public static string HttpThroughWorker(string path) => """
        {"definitionId": "http-worker", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "hook", "type": "HttpEndpoint", "path": "PATH", "methods": ["POST"], "public": true},
           {"id": "work", "type": "WhoRuns", "worker": "east", "value": {"expression": {"type": "JavaScript", "value": "incoming.body.n"}}},
           {"id": "answer", "type": "HttpResponse", "statusCode": 200,
            "body": {"expression": {"type": "JavaScript", "value": "({value: incoming.value, pid: incoming.pid})"}}}],
          "connections": [
           {"source": {"activity": "hook", "port": "Done"}, "target": {"activity": "work", "port": "In"}},
           {"source": {"activity": "work", "port": "Done"}, "target": {"activity": "answer", "port": "In"}}]}}
        """.Replace("PATH", path);
}
