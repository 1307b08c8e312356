namespace ElsaFlow.Cli.Tests.Support;

/// <summary>Flow files that spread a sensitive input (token feeds an HTTP header through a variable) into everything the CLI prints.</summary>
public static class SecretFlows
{
    /// <summary>auth = 'Bearer ' + token sent as a header, the token logged, handed to child.json (a path beside this file), then a fault quoting it.</summary>
    public static string Parent(string url) => """
        {"definitionId": "secret-parent",
         "inputs": [{"name": "token", "type": "String"}],
         "variables": [{"name": "auth", "type": "String"}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "bearer", "type": "SetVariable", "variable": "auth", "value": {"expression": {"type": "JavaScript", "value": "'Bearer ' + inputs.token"}}},
           {"id": "call", "type": "HttpRequest", "url": "URL", "headers": {"Authorization": "${variables.auth}"}, "onError": "continue"},
           {"id": "say", "type": "Log", "message": "called with ${token}"},
           {"id": "child", "type": "SubFlow", "definition": "child.json", "inputs": {"key": "${token}"}},
           {"id": "fail", "type": "Fault", "message": "no luck with ${token}"}
         ]}}
        """.Replace("URL", url, StringComparison.Ordinal);

    public const string Child = """
        {"definitionId": "secret-child",
         "inputs": [{"name": "key", "type": "String"}],
         "root": {"id": "root", "type": "Sequence", "activities": [{"id": "say", "type": "Log", "message": "child has ${key}"}]}}
        """;
}
