namespace ElsaFlow.Server.Tests.Support;

/// <summary>Flows that spread a sensitive input (token feeds an HTTP header through a variable) into every place an instance is shown.</summary>
public static class SecretFlows
{
    /// <summary>Sets auth = 'Bearer ' + token, sends it as the Authorization header, logs the token, hands it to secret-child.</summary>
    public static string Parent(string echoUrl) => """
        {"definitionId": "secret-parent",
         "inputs": [{"name": "token", "type": "String"}],
         "variables": [{"name": "auth", "type": "String"}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "bearer", "type": "SetVariable", "variable": "auth", "value": {"expression": {"type": "JavaScript", "value": "'Bearer ' + inputs.token"}}},
           {"id": "call", "type": "HttpRequest", "url": "ECHO/echo?t=${token}", "headers": {"Authorization": "${variables.auth}"}},
           {"id": "say", "type": "Log", "message": "called with ${token}"},
           {"id": "child", "type": "SubFlow", "definition": "secret-child", "inputs": {"key": "${token}"}}
         ]}}
        """.Replace("ECHO", echoUrl, StringComparison.Ordinal);

    /// <summary>Does not mark its input: only what the parent handed it makes the value secret here.</summary>
    public const string Child = """
        {"definitionId": "secret-child",
         "inputs": [{"name": "key", "type": "String"}],
         "variables": [{"name": "copy", "type": "String"}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "keep", "type": "SetVariable", "variable": "copy", "value": "${key}"},
           {"id": "say", "type": "Log", "message": "child has ${key}"},
           {"id": "oops", "type": "Fault", "message": "soft failure with ${key}", "onError": "continue"}
         ]}}
        """;

    /// <summary>Sends the token as a header, then fails quoting it: the instance's error holds the secret's text.</summary>
    public static string Faulting(string echoUrl) => """
        {"definitionId": "secret-faulting",
         "inputs": [{"name": "token", "type": "String"}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "call", "type": "HttpRequest", "url": "ECHO/echo", "headers": {"Authorization": "Bearer ${token}"}},
           {"id": "fail", "type": "Fault", "message": "no luck with ${token}"}
         ]}}
        """.Replace("ECHO", echoUrl, StringComparison.Ordinal);
}
