using System.Text.Json.Nodes;
using ElsaFlow.Engine.Secrets;
using ElsaFlow.Engine.Tests.Support;

namespace ElsaFlow.Engine.Tests.Secrets;

public sealed class InstanceSecretsTests
{
    private const string Parent = """
        {"definitionId": "parent",
         "inputs": [{"name": "token", "type": "String"}, {"name": "region", "type": "String"}],
         "variables": [{"name": "auth", "type": "String"}],
         "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "bearer", "type": "SetVariable", "variable": "auth", "value": {"expression": {"type": "JavaScript", "value": "'Bearer ' + inputs.token"}}},
           {"id": "use", "type": "UseToken", "token": "${variables.auth}"},
           {"id": "child", "type": "SubFlow", "definition": "child", "inputs": {"key": "${token}", "where": "${region}"}}
         ]}}
        """;

    private const string Child = """
        {"definitionId": "child",
         "inputs": [{"name": "key", "type": "String"}, {"name": "where", "type": "String"}],
         "root": {"id": "root", "type": "Sequence", "activities": [{"id": "say", "type": "Log", "message": "${key} in ${where}"}]}}
        """;

    [Fact]
    public async Task Find_InputReachingSensitiveInputThroughVariable_IsSensitive()
    {
        await using var harness = new EngineHarness(configure: r => r.Register<UseToken>());

        var sensitive = SensitiveWorkflowInputs.Find(harness.Parse(Parent), harness.Registry);

        Assert.Equal(["token"], sensitive);
    }

    [Fact]
    public async Task ForAsync_ChildOfParentWithSecret_InheritsIt()
    {
        await using var harness = new EngineHarness(configure: r => r.Register<UseToken>());
        await harness.RunAsync(Child);
        var result = await harness.RunAsync(Parent, new JsonObject { ["token"] = "tok-123456", ["region"] = "north" });
        var child = (await harness.Store.ListInstancesAsync(new Engine.Store.InstanceQuery { DefinitionId = "child", Take = 10 })).Items
            .Single(i => i.ParentInstanceId == result.InstanceId);
        var secrets = new InstanceSecrets(harness.Store, harness.Registry, harness.Reader);

        var log = (await harness.Store.GetLogsAsync(child.Id)).Single();

        Assert.Equal("*** in north", (await secrets.ForAsync(child.Id)).Redact(log).Message);
        Assert.Equal("Bearer ***", (await secrets.ForAsync(result.InstanceId)).Redact(result).Variables["auth"]!.GetValue<string>());
    }

    [Fact]
    public async Task ForAsync_InputDeclaredSensitive_IsASecret_EvenWhenNoSensitiveActivityInputReadsIt()
    {
        const string flow = """
            {"definitionId": "declared",
             "inputs": [{"name": "password", "type": "String", "sensitive": true}, {"name": "user", "type": "String"}],
             "root": {"id": "root", "type": "Sequence", "activities": [
               {"id": "say", "type": "Log", "message": {"expression": {"type": "JavaScript", "value": "inputs.user + ':' + inputs.password.split('').reverse().join('').split('').reverse().join('')"}}}]}}
            """;
        await using var harness = new EngineHarness();
        Assert.Equal(["password"], SensitiveWorkflowInputs.Find(harness.Parse(flow), harness.Registry));
        var result = await harness.RunAsync(flow, new JsonObject { ["password"] = "hunter2-secret", ["user"] = "ada" });
        var secrets = new InstanceSecrets(harness.Store, harness.Registry, harness.Reader);

        var log = (await harness.Store.GetLogsAsync(result.InstanceId)).Single();

        Assert.Equal("ada:hunter2-secret", log.Message);
        Assert.Equal("ada:***", (await secrets.ForAsync(result.InstanceId)).Redact(log).Message);
    }

    [Fact]
    public async Task Writer_KeepsTheSensitiveFlag()
    {
        await using var harness = new EngineHarness();
        var definition = harness.Parse("""{"definitionId": "d", "inputs": [{"name": "key", "sensitive": true}], "root": {"id": "r", "type": "Sequence", "activities": []}}""");

        var written = Engine.Loading.FlowDocumentWriter.Write(definition);

        Assert.True(harness.Parse(written.ToJsonString()).Inputs.Single().Sensitive);
    }
}
