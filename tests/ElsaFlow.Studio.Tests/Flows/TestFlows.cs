namespace ElsaFlow.Studio.Tests.Flows;

/// <summary>Small flow documents for the list, import/export and schedule tests, each under the id the test gives.</summary>
public static class TestFlows
{
    /// <summary>A flow that runs at once: a Sequence that logs.</summary>
    public static string Hello(string id, string? name = null) => $$$$$"""
        {"definitionId": "{{{{{id}}}}}", "name": "{{{{{name ?? "Hello " + id}}}}}",
         "root": {"id": "root", "type": "Sequence", "activities": [{"id": "greet", "type": "Log", "message": "hello"}]}}
        """;

    /// <summary>A Flowchart with inputs, variables, an expression, designer positions and connections: what a round trip must keep.</summary>
    public static string Rich(string id) => $$$$$"""
        {
          "definitionId": "{{{{{id}}}}}",
          "name": "Round trip {{{{{id}}}}}",
          "description": "Every part a flow file has",
          "inputs": [{"name": "who", "type": "String", "default": "world", "description": "Who to greet"}],
          "variables": [{"name": "greeting", "type": "String", "value": ""}],
          "root": {
            "id": "root",
            "type": "Flowchart",
            "activities": [
              {"id": "compose", "type": "SetVariable", "variable": "greeting",
               "value": {"expression": {"type": "JavaScript", "value": "'Hello, ' + inputs.who"}},
               "metadata": {"designer": {"position": {"x": 40, "y": 80}}}},
              {"id": "say", "type": "Log", "message": "${greeting}",
               "retry": {"attempts": 3, "delay": "00:00:02", "backoff": "exponential", "maxDelay": "00:01:00"},
               "metadata": {"designer": {"position": {"x": 320, "y": 80}}}}
            ],
            "connections": [{"source": {"activity": "compose", "port": "Done"}, "target": {"activity": "say", "port": "In"}}]
          }
        }
        """;

    /// <summary>The same kind of flow in YAML, to import through the YAML reader.</summary>
    public static string RichYaml(string id) => $$$$$"""
        definitionId: {{{{{id}}}}}
        name: Round trip {{{{{id}}}}}
        inputs:
          - name: who
            type: String
            default: world
        root:
          id: root
          type: Flowchart
          activities:
            - id: say
              type: Log
              message: hello ${who}
              metadata:
                designer:
                  position: {x: 10, y: 20}
            - id: done
              type: Finish
          connections:
            - source: {activity: say, port: Done}
              target: {activity: done, port: In}
        """;

    /// <summary>The YAML document above as JSON, which the export must equal.</summary>
    public static string RichYamlAsJson(string id) => $$$$$"""
        {"definitionId": "{{{{{id}}}}}", "name": "Round trip {{{{{id}}}}}",
         "inputs": [{"name": "who", "type": "String", "default": "world"}],
         "root": {"id": "root", "type": "Flowchart",
           "activities": [
             {"id": "say", "type": "Log", "message": "hello ${who}", "metadata": {"designer": {"position": {"x": 10, "y": 20}}}},
             {"id": "done", "type": "Finish"}],
           "connections": [{"source": {"activity": "say", "port": "Done"}, "target": {"activity": "done", "port": "In"}}]}}
        """;

    /// <summary>Parses, but two activities have a bad field: a 48-hour duration written as hours, and a cron that is not one.</summary>
    public static string Invalid(string id) => $$$$$"""
        {"definitionId": "{{{{{id}}}}}", "root": {"id": "root", "type": "Flowchart", "activities": [
          {"id": "sleep", "type": "Delay", "duration": "48:00:00"},
          {"id": "tick", "type": "Cron", "cron": "every day"}],
         "connections": [{"source": {"activity": "tick", "port": "Done"}, "target": {"activity": "sleep", "port": "In"}}]}}
        """;

    /// <summary>A flow started by a Cron trigger every day at 04:30 UTC.</summary>
    public static string Scheduled(string id) => $$$$$"""
        {"definitionId": "{{{{{id}}}}}", "name": "Nightly {{{{{id}}}}}", "root": {"id": "root", "type": "Flowchart", "activities": [
          {"id": "nightly", "type": "Cron", "cron": "30 4 * * *", "timeZone": "UTC"},
          {"id": "log", "type": "Log", "message": "tick"}],
         "connections": [{"source": {"activity": "nightly", "port": "Done"}, "target": {"activity": "log", "port": "In"}}]}}
        """;
}
