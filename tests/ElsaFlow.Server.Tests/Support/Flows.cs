namespace ElsaFlow.Server.Tests.Support;

/// <summary>The flows the API tests run: small control flows and one CSV data flow.</summary>
public static class Flows
{
    public static string Hello(string id = "hello") => $$$"""
        {"definitionId": "{{{id}}}", "name": "Hello {{{id}}}",
         "inputs": [{"name": "who", "type": "String", "default": "world"}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "greet", "type": "Log", "message": "hello ${who}"},
           {"id": "end", "type": "Finish", "outputs": {"greeting": "hello ${who}"}}
         ]}}
        """;

    public const string RequiredInput = """
        {"definitionId": "needs-input",
         "inputs": [{"name": "who", "type": "String", "required": true}],
         "root": {"id": "root", "type": "Sequence", "activities": [{"id": "greet", "type": "Log", "message": "hello ${who}"}]}}
        """;

    public const string Pause = """
        {"definitionId": "approval",
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "wait", "type": "Pause"},
           {"id": "end", "type": "Finish", "outputs": {"by": {"expression": {"type": "JavaScript", "value": "outputs.wait.by"}}}}
         ]}}
        """;

    public const string Event = """
        {"definitionId": "payment",
         "variables": [{"name": "paid", "type": "Number", "value": 0}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "payment", "type": "Event", "name": "payment-received"},
           {"id": "book", "type": "SetVariable", "variable": "paid", "value": {"expression": {"type": "JavaScript", "value": "outputs.payment.amount"}}}
         ]}}
        """;

    public const string LongDelay = """
        {"definitionId": "slow",
         "root": {"id": "root", "type": "Sequence", "activities": [{"id": "wait", "type": "Delay", "duration": "00:10:00"}]}}
        """;

    /// <summary>Waits half a second on a timer: long enough to overlap with other runs.</summary>
    public const string ShortDelay = """
        {"definitionId": "short-wait",
         "root": {"id": "root", "type": "Sequence", "activities": [{"id": "wait", "type": "Delay", "duration": "00:00:00.5"}]}}
        """;

    public const string Faulting = """
        {"definitionId": "faulting",
         "root": {"id": "root", "type": "Sequence", "activities": [{"id": "boom", "type": "Fault", "message": "boom"}]}}
        """;

    /// <summary>Unknown activity type and a connection to an unknown port: two problems, each naming its activity.</summary>
    public const string Invalid = """
        {"definitionId": "broken",
         "root": {"id": "root", "type": "Flowchart",
           "activities": [{"id": "a", "type": "Log", "message": "x"}, {"id": "b", "type": "NoSuchActivity"}],
           "connections": [{"source": {"activity": "a", "port": "Nowhere"}, "target": {"activity": "b", "port": "In"}}]}}
        """;

    public const string Http = """
        {"definitionId": "http-secret",
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "call", "type": "HttpInput", "url": "http://localhost:1/none", "headers": {"Authorization": "Bearer s3cret"}}
         ]}}
        """;

    /// <summary>An HTTP call whose Authorization header (a sensitive input) is built from the workflow input 'token'.</summary>
    public const string HttpWithToken = """
        {"definitionId": "http-token",
         "inputs": [{"name": "token", "type": "String"}, {"name": "note", "type": "String", "default": "visible"}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "call", "type": "HttpInput", "url": "http://localhost:1/none", "headers": {"Authorization": "Bearer ${token}"}}
         ]}}
        """;

    /// <summary>An HTTP call with two sensitive headers: one a literal secret, one built from the workflow input 'token'.</summary>
    public const string HttpWithSecrets = """
        {"definitionId": "http-secrets",
         "inputs": [{"name": "token", "type": "String"}],
         "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "call", "type": "HttpInput", "url": "http://localhost:1/none",
            "headers": {"Authorization": "Bearer lit3ral-s3cret", "X-Token": "${token}"}}
         ]}}
        """;

    /// <summary>Reads people.csv, sorts by age descending, writes out/sorted.csv.</summary>
    public const string Csv = """
        {"definitionId": "people",
         "root": {"id": "root", "type": "Flowchart",
           "activities": [
             {"id": "read", "type": "CsvInput", "path": "people.csv"},
             {"id": "sort", "type": "Sort", "by": [{"column": "age", "descending": true}]},
             {"id": "write", "type": "CsvOutput", "path": "out/sorted.csv"}
           ],
           "connections": [
             {"source": {"activity": "read", "port": "Done"}, "target": {"activity": "sort", "port": "In"}},
             {"source": {"activity": "sort", "port": "Done"}, "target": {"activity": "write", "port": "In"}}
           ]}}
        """;

    public const string PeopleCsv = "name,age\nada,36\nbob,25\ncy,41\ndee,19\n";
}
