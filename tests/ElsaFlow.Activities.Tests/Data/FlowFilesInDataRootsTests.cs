using System.Text.Json;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Data;

/// <summary>SubFlow (and DispatchFlow, the same resolution) loads flow files from the data roots or beside its parent's file, never from the state folder.</summary>
[Trait("Suite", "Security")]
public sealed class FlowFilesInDataRootsTests : IAsyncLifetime
{
    private const string Child = """
        {"definitionId": "child", "root": {"id": "root", "type": "Sequence", "activities": [{"id": "end", "type": "Finish", "outputs": {"said": "hi"}}]}}
        """;

    private readonly DataHarness _data = new();
    private readonly string _outside = Directory.CreateTempSubdirectory("elsaflow-outside").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _data.DisposeAsync();
        Directory.Delete(_outside, recursive: true);
    }

    private static string Parent(string definition) => $$$"""
        {"definitionId": "parent", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "call", "type": "SubFlow", "definition": {{{JsonSerializer.Serialize(definition)}}}}]}}
        """;

    [Fact]
    public async Task SubFlow_FileInsideTheRoot_Runs()
    {
        var child = _data.PathOf(_data.WriteFile("flows/child.json", Child));

        var result = await _data.RunAsync(Parent(child));

        ResultAssert.Status(WorkflowStatus.Finished, result);
    }

    [Fact]
    public async Task SubFlow_FileInTheStateFolder_Refused()
    {
        var child = _data.PathOf(_data.WriteFile(".elsaflow/child.json", Child));

        var result = await _data.RunAsync(Parent(child));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("call", result.FaultedActivityId);
        Assert.Contains("field 'definition'", result.Error);
        Assert.Contains("which is not a data folder", result.Error);
    }

    [Fact]
    public async Task SubFlow_FileOutsideTheRoots_Refused()
    {
        var child = Path.Combine(_outside, "child.json");
        await File.WriteAllTextAsync(child, Child);

        var result = await _data.RunAsync(Parent(child));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Contains("is outside the data roots", result.Error);
    }

    [Fact]
    public async Task SubFlow_BesideItsParentsFile_RunsButNotAboveIt()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_outside, "flows")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "child.json"), Child);
        await File.WriteAllTextAsync(Path.Combine(_outside, "above.json"), Child);
        await File.WriteAllTextAsync(Path.Combine(folder, "beside.json"), Parent("child.json"));
        await File.WriteAllTextAsync(Path.Combine(folder, "climbing.json"), Parent("../above.json").Replace("\"parent\"", "\"climbing\""));

        var beside = await _data.RunFileAsync(Path.Combine(folder, "beside.json"));
        var climbing = await _data.RunFileAsync(Path.Combine(folder, "climbing.json"));

        ResultAssert.Status(WorkflowStatus.Finished, beside);
        ResultAssert.Status(WorkflowStatus.Faulted, climbing);
        Assert.Contains("is outside the data roots", climbing.Error);
    }

    [Fact]
    public async Task SubFlow_LinkInsideTheRootToAFileOutside_Refused()
    {
        await File.WriteAllTextAsync(Path.Combine(_outside, "child.json"), Child);
        File.CreateSymbolicLink(_data.PathOf("linked.json"), Path.Combine(_outside, "child.json"));

        var result = await _data.RunAsync(Parent(_data.PathOf("linked.json")));

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Contains("leads outside the data roots through a symbolic link", result.Error);
    }

    [Fact]
    public async Task DispatchFlow_FileOutsideTheRoots_Refused()
    {
        var child = Path.Combine(_outside, "child.json");
        await File.WriteAllTextAsync(child, Child);
        var parent = Parent(child).Replace("\"SubFlow\"", "\"DispatchFlow\"", StringComparison.Ordinal);

        var result = await _data.RunAsync(parent);

        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Contains("is outside the data roots", result.Error);
    }
}
