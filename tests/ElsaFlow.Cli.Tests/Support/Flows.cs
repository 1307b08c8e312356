namespace ElsaFlow.Cli.Tests.Support;

/// <summary>Small flows the CLI tests run, in the native JSON format.</summary>
public static class Flows
{
    public const string Greeting = """
        {"definitionId": "greeting", "version": 2, "inputs": [{"name": "who", "type": "String", "default": "world"}, {"name": "count", "type": "Number"}],
         "variables": [{"name": "greeting", "value": null}, {"name": "next", "value": 0}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "say", "type": "Log", "message": "hello ${who}"},
           {"id": "greet", "type": "SetVariable", "variable": "greeting", "value": {"expression": {"type": "JavaScript", "value": "'hi ' + inputs.who"}}},
           {"id": "count", "type": "SetVariable", "variable": "next", "value": {"expression": {"type": "JavaScript", "value": "inputs.count + 1"}}}]}}
        """;

    public const string Faulting = """
        {"definitionId": "faulting",
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "before", "type": "Log", "message": "about to fail"},
           {"id": "explode", "type": "Fault", "message": "the data is bad"}]}}
        """;

    /// <summary>Invalid: the Log has no message and the If's condition is missing.</summary>
    public const string Invalid = """
        {"definitionId": "broken",
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "speak", "type": "Log"},
           {"id": "decide", "type": "If"}]}}
        """;

    public const string Approval = """
        {"definitionId": "approval", "variables": [{"name": "decision", "value": null}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "ask", "type": "Pause", "name": "approve"},
           {"id": "record", "type": "SetVariable", "variable": "decision", "value": {"expression": {"type": "JavaScript", "value": "incoming.answer"}}}]}}
        """;

    public const string OrderPaid = """
        {"definitionId": "order", "variables": [{"name": "amount", "value": null}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "wait", "type": "Event", "name": "order-paid"},
           {"id": "keep", "type": "SetVariable", "variable": "amount", "value": {"expression": {"type": "JavaScript", "value": "outputs.wait.amount"}}}]}}
        """;

    public const string ShortDelay = """
        {"definitionId": "nap", "variables": [{"name": "done", "value": false}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "nap", "type": "Delay", "duration": "00:00:01"},
           {"id": "wake", "type": "SetVariable", "variable": "done", "value": true}]}}
        """;

    /// <summary>A nap long enough for a test to kill the run during it, even on a loaded machine.</summary>
    public const string LongerDelay = """
        {"definitionId": "longer-nap", "variables": [{"name": "done", "value": false}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "nap", "type": "Delay", "duration": "00:00:06"},
           {"id": "wake", "type": "SetVariable", "variable": "done", "value": true}]}}
        """;

    /// <summary>Log a -> Log b -> BlockOnce c -> Log d; c signals and blocks while the marker exists.</summary>
    public static string Crash(string signal, string block) => $$$"""
        {"definitionId": "crash",
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "a", "type": "Log", "message": "a"},
           {"id": "b", "type": "Log", "message": "b"},
           {"id": "c", "type": "BlockOnce", "signal": {{{System.Text.Json.JsonSerializer.Serialize(signal)}}}, "block": {{{System.Text.Json.JsonSerializer.Serialize(block)}}}},
           {"id": "d", "type": "Log", "message": "d"}],
          "connections": [
           {"source": {"activity": "a", "port": "Done"}, "target": {"activity": "b", "port": "In"}},
           {"source": {"activity": "b", "port": "Done"}, "target": {"activity": "c", "port": "In"}},
           {"source": {"activity": "c", "port": "Done"}, "target": {"activity": "d", "port": "In"}}]}}
        """;
}
