using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Runtime;
using ElsaFlow.Engine.Runtime.State;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Outputs;

/// <summary>
/// Every file output refuses to write where a flow may not: through a link that leaves the root (to a file, to a file
/// not there yet, through a folder), into the state folder directly or through a link, by <c>..</c> or an absolute
/// path; the file behind stays as it was. What an output did write it records in its <c>files</c> output.
/// </summary>
[Trait("Suite", "Security")]
public sealed class OutputPathEscapeTests : IAsyncLifetime
{
    private const string Untouched = "untouched";

    private static readonly (string Type, string Extension, string Inputs)[] Writers =
    [
        ("CsvOutput", ".csv", ""),
        ("JsonOutput", ".json", ""),
        ("ParquetOutput", ".parquet", ""),
        ("ExcelOutput", ".xlsx", ""),
        ("HtmlOutput", ".html", ""),
        ("MarkdownOutput", ".md", ""),
        ("SqliteOutput", ".sqlite", """, "table": "t" """),
        ("DuckDBOutput", ".duckdb", """, "table": "t" """),
    ];

    private readonly DataHarness _data = new();
    private readonly string _outside = Directory.CreateTempSubdirectory("elsaflow-outside").FullName;

    public static TheoryData<string, string, string> Outputs()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (type, extension, inputs) in Writers) data.Add(type, extension, inputs);
        return data;
    }

    public Task InitializeAsync()
    {
        _data.WriteFile("sales.csv", OutputFlow.Sales);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _data.DisposeAsync();
        Directory.Delete(_outside, recursive: true);
    }

    [Theory, MemberData(nameof(Outputs))]
    public async Task Write_InsideTheRoot_WritesAndRecordsTheFile(string type, string extension, string inputs)
    {
        var result = await WriteAsync(type, "out/result" + extension, inputs);

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.True(File.Exists(_data.PathOf("out/result" + extension)));
        Assert.Equal([Path.Combine("out", "result" + extension)], await RecordedFilesAsync(result));
    }

    [Theory, MemberData(nameof(Outputs))]
    public async Task Write_ThroughALinkToAFileOutside_RefusedAndTheFileUntouched(string type, string extension, string inputs)
    {
        var victim = Path.Combine(_outside, "victim" + extension);
        await File.WriteAllTextAsync(victim, Untouched);
        File.CreateSymbolicLink(_data.PathOf("link" + extension), victim);

        var result = await WriteAsync(type, "link" + extension, inputs);

        AssertRefused(result, "leads outside the data roots through a symbolic link");
        Assert.Equal(Untouched, await File.ReadAllTextAsync(victim));
    }

    [Theory, MemberData(nameof(Outputs))]
    public async Task Write_ThroughALinkToAFileNotThereYet_RefusedAndNothingCreated(string type, string extension, string inputs)
    {
        var target = Path.Combine(_outside, "new" + extension);
        File.CreateSymbolicLink(_data.PathOf("new" + extension), target);

        var result = await WriteAsync(type, "new" + extension, inputs);

        AssertRefused(result, "leads outside the data roots through a symbolic link");
        Assert.False(File.Exists(target));
    }

    [Theory, MemberData(nameof(Outputs))]
    public async Task Write_IntoALinkedFolderOutside_RefusedAndNothingCreated(string type, string extension, string inputs)
    {
        Directory.CreateSymbolicLink(_data.PathOf("shared"), _outside);

        var result = await WriteAsync(type, "shared/deeper/result" + extension, inputs);

        AssertRefused(result, "leads outside the data roots through a symbolic link");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_outside));
    }

    [Theory, MemberData(nameof(Outputs))]
    public async Task Write_IntoTheStateFolder_RefusedAndNothingCreated(string type, string extension, string inputs)
    {
        var result = await WriteAsync(type, ".elsaflow/result" + extension, inputs);

        AssertRefused(result, "is in the state folder");
        Assert.False(File.Exists(Path.Combine(_data.StateFolder, "result" + extension)));
    }

    [Theory, MemberData(nameof(Outputs))]
    public async Task Write_ThroughALinkIntoTheStateFolder_RefusedAndTheKeyFileUntouched(string type, string extension, string inputs)
    {
        var keys = Path.Combine(_data.StateFolder, "api-keys.json");
        Directory.CreateDirectory(_data.StateFolder);
        await File.WriteAllTextAsync(keys, Untouched);
        File.CreateSymbolicLink(_data.PathOf("report" + extension), keys);

        var result = await WriteAsync(type, "report" + extension, inputs);

        AssertRefused(result, "which is not a data folder");
        Assert.Equal(Untouched, await File.ReadAllTextAsync(keys));
    }

    [Theory, MemberData(nameof(Outputs))]
    public async Task Write_DotDotOutOfTheRoot_RefusedAndNothingCreated(string type, string extension, string inputs)
    {
        var target = Path.Combine(_outside, "result" + extension);

        var result = await WriteAsync(type, Path.GetRelativePath(_data.Root, target), inputs);

        AssertRefused(result, "is outside the data roots");
        Assert.False(File.Exists(target));
    }

    [Theory, MemberData(nameof(Outputs))]
    public async Task Write_AbsolutePathOutsideTheRoot_RefusedAndNothingCreated(string type, string extension, string inputs)
    {
        var target = Path.Combine(_outside, "result" + extension);

        var result = await WriteAsync(type, target, inputs);

        AssertRefused(result, "is outside the data roots");
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task CsvOutput_SplitRows_RecordsEveryPartFile()
    {
        var result = await WriteAsync("CsvOutput", "out/parts.csv", """, "splitRows": 2""");

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal([Path.Combine("out", "parts_0001.csv"), Path.Combine("out", "parts_0002.csv")], await RecordedFilesAsync(result));
    }

    [Fact]
    public async Task CsvOutput_SplitRows_LinkAtItsWorkingFile_RefusedAndTheFileUntouched()
    {
        var victim = Path.Combine(_outside, "victim.csv");
        await File.WriteAllTextAsync(victim, Untouched);
        Directory.CreateDirectory(_data.PathOf("out"));
        File.CreateSymbolicLink(_data.PathOf("out/parts.csv.parts.tmp"), victim);

        var result = await WriteAsync("CsvOutput", "out/parts.csv", """, "splitRows": 2""");

        AssertRefused(result, "leads outside the data roots through a symbolic link");
        Assert.Equal(Untouched, await File.ReadAllTextAsync(victim));
    }

    private Task<WorkflowRunResult> WriteAsync(string type, string path, string inputs) =>
        _data.RunAsync(OutputFlow.Chain($$$"""{"id": "out", "type": "{{{type}}}", "path": {{{JsonSerializer.Serialize(path)}}} {{{inputs}}}}"""));

    /// <summary>The output's <c>files</c>, as the instance state keeps it and as its journal entry does.</summary>
    private async Task<List<string>> RecordedFilesAsync(WorkflowRunResult result)
    {
        var state = WorkflowStateSerializer.Deserialize((await _data.Store.GetInstanceAsync(result.InstanceId))!.StateJson);
        var inState = state.ActivityOutputs["out"]!["files"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        var journal = (await _data.Store.GetJournalAsync(result.InstanceId)).Single(j => j.Kind == JournalKind.ActivityCompleted && j.ActivityId == "out");
        Assert.Equal(inState, journal.Outputs!["files"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.NotNull(state.ActivityOutputs["out"]!["dataset"]);
        return inState;
    }

    private static void AssertRefused(WorkflowRunResult result, string reason)
    {
        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("out", result.FaultedActivityId);
        Assert.StartsWith("path: ", result.Error);
        Assert.Contains(reason, result.Error);
    }
}
