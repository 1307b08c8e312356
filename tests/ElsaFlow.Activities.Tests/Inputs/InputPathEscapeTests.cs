using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Inputs;

/// <summary>
/// Every file input refuses what leaves the data roots or reaches the state folder: links (to a file or a folder),
/// <c>..</c>, absolute paths, and the files a glob expands to. Each case reads a file that the same input reads fine
/// from inside the root (the first test), so a refusal is the path check and nothing else.
/// </summary>
[Trait("Suite", "Security")]
public sealed class InputPathEscapeTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();
    private readonly string _outside = Directory.CreateTempSubdirectory("elsaflow-outside").FullName;

    public static TheoryData<string, string, string> Readers => Data(SecretFiles.Readers);

    public static TheoryData<string, string, string> GlobReaders => Data(SecretFiles.Readers.Where(r => r.Type is "CsvInput" or "JsonInput" or "ParquetInput"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _data.DisposeAsync();
        Directory.Delete(_outside, recursive: true);
    }

    [Theory, MemberData(nameof(Readers))]
    public async Task Read_FileInsideTheRoot_ReadsIt(string type, string extension, string inputs)
    {
        await SecretFiles.WriteAsync(_data.PathOf("plain/secret" + extension));

        var result = await ReadAsync(type, "plain/secret" + extension, inputs);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(SecretFiles.Secret, (await _data.RowsAsync(result, "read")).Single()["secret"]!.GetValue<string>());
    }

    [Theory, MemberData(nameof(Readers))]
    public async Task Read_LinkToAFileOutsideTheRoot_Refused(string type, string extension, string inputs)
    {
        await SecretFiles.WriteAsync(Path.Combine(_outside, "secret" + extension));
        File.CreateSymbolicLink(_data.PathOf("link" + extension), Path.Combine(_outside, "secret" + extension));

        var result = await ReadAsync(type, "link" + extension, inputs);

        AssertRefused(result, "leads outside the data roots through a symbolic link");
    }

    [Theory, MemberData(nameof(Readers))]
    public async Task Read_LinkedFolderLeavingTheRoot_Refused(string type, string extension, string inputs)
    {
        await SecretFiles.WriteAsync(Path.Combine(_outside, "secret" + extension));
        Directory.CreateSymbolicLink(_data.PathOf("shared"), _outside);

        var result = await ReadAsync(type, "shared/secret" + extension, inputs);

        AssertRefused(result, "leads outside the data roots through a symbolic link");
    }

    [Theory, MemberData(nameof(Readers))]
    public async Task Read_LinkIntoTheStateFolder_Refused(string type, string extension, string inputs)
    {
        await SecretFiles.WriteAsync(Path.Combine(_data.StateFolder, "secret" + extension));
        File.CreateSymbolicLink(_data.PathOf("innocent" + extension), Path.Combine(_data.StateFolder, "secret" + extension));

        var result = await ReadAsync(type, "innocent" + extension, inputs);

        AssertRefused(result, "is in the state folder");
    }

    [Theory, MemberData(nameof(Readers))]
    public async Task Read_FileInTheStateFolder_Refused(string type, string extension, string inputs)
    {
        await SecretFiles.WriteAsync(Path.Combine(_data.StateFolder, "secret" + extension));

        var result = await ReadAsync(type, ".elsaflow/secret" + extension, inputs);

        AssertRefused(result, "which is not a data folder");
    }

    [Theory, MemberData(nameof(Readers))]
    public async Task Read_DotDotOutOfTheRoot_Refused(string type, string extension, string inputs)
    {
        var secret = Path.Combine(_outside, "secret" + extension);
        await SecretFiles.WriteAsync(secret);

        var result = await ReadAsync(type, Path.GetRelativePath(_data.Root, secret), inputs);

        AssertRefused(result, "is outside the data roots");
    }

    [Theory, MemberData(nameof(Readers))]
    public async Task Read_AbsolutePathOutsideTheRoot_Refused(string type, string extension, string inputs)
    {
        var secret = Path.Combine(_outside, "secret" + extension);
        await SecretFiles.WriteAsync(secret);

        var result = await ReadAsync(type, secret, inputs);

        AssertRefused(result, "is outside the data roots");
    }

    [Theory, MemberData(nameof(GlobReaders))]
    public async Task Read_GlobMatchingALinkThatLeavesTheRoot_Refused(string type, string extension, string inputs)
    {
        await SecretFiles.WriteAsync(_data.PathOf("in/a" + extension));
        await SecretFiles.WriteAsync(Path.Combine(_outside, "secret" + extension));
        File.CreateSymbolicLink(_data.PathOf("in/b" + extension), Path.Combine(_outside, "secret" + extension));

        var result = await ReadAsync(type, "in/*" + extension, inputs);

        AssertRefused(result, "leads outside the data roots through a symbolic link");
    }

    [Theory, MemberData(nameof(GlobReaders))]
    public async Task Read_GlobOverTheWholeRoot_NeverReadsTheStateFolder(string type, string extension, string inputs)
    {
        await SecretFiles.WriteAsync(_data.PathOf("in/deep/a" + extension));
        await SecretFiles.WriteAsync(Path.Combine(_data.StateFolder, "a" + extension));
        await SecretFiles.WriteAsync(Path.Combine(_data.StateFolder, "workspaces", "a" + extension));

        var result = await ReadAsync(type, "**/a" + extension, inputs);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Single(await _data.RowsAsync(result, "read"));
    }

    [Theory, MemberData(nameof(GlobReaders))]
    public async Task Read_GlobWithFolderWildcards_ReadsEveryMatchInNameOrder(string type, string extension, string inputs)
    {
        await SecretFiles.WriteAsync(_data.PathOf("in/2024/a" + extension));
        await SecretFiles.WriteAsync(_data.PathOf("in/2025/a" + extension));
        await SecretFiles.WriteAsync(_data.PathOf("in/other/a" + extension));

        var result = await ReadAsync(type, "in/20[0-9][0-9]/*" + extension, inputs);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(2, (await _data.RowsAsync(result, "read")).Count);
    }

    private Task<WorkflowRunResult> ReadAsync(string type, string path, string inputs) => _data.RunAsync($$$"""
        {"definitionId": "read", "root": {"id": "root", "type": "Flowchart", "activities": [
           {"id": "read", "type": "{{{type}}}", "path": {{{System.Text.Json.JsonSerializer.Serialize(path)}}} {{{inputs}}}}]}}
        """);

    private static TheoryData<string, string, string> Data(IEnumerable<(string Type, string Extension, string Inputs)> readers)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (type, extension, inputs) in readers) data.Add(type, extension, inputs);
        return data;
    }

    private static void AssertRefused(WorkflowRunResult result, string reason)
    {
        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.StartsWith("path: ", result.Error);
        Assert.Contains(reason, result.Error);
        Assert.DoesNotContain(SecretFiles.Secret, result.Error);
    }
}
