using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Inputs;

/// <summary>Data that is not CSV, or settings that cannot read any, fail loudly naming the activity and the file.</summary>
public sealed class CsvBadDataTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _data.DisposeAsync();

    private static string Flow(string csvInputs) => $$$"""
        {"definitionId": "csv", "root": {"id": "root", "type": "Sequence", "activities": [
           {"id": "read", "type": "CsvInput", {{{csvInputs}}}}]}}
        """;

    [Fact]
    public async Task CsvInput_RandomBinaryFile_FaultsNamingTheActivityAndFile()
    {
        // Arrange
        var bytes = new byte[100_000];
        new Random(12).NextBytes(bytes);
        File.WriteAllBytes(_data.PathOf("noise.csv"), bytes);

        // Act
        var result = await _data.RunAsync(Flow("\"path\": \"noise.csv\""));

        // Assert
        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Equal("read", result.FaultedActivityId);
        Assert.StartsWith("path: 'noise.csv' is not a text file", result.Error);
        Assert.Contains("CsvInput 'read'", result.Error);
    }

    [Fact]
    public async Task CsvInput_TextFileWithUtf8Bom_IsNotBinary()
    {
        // Arrange
        _data.WriteFile("bom.csv", "\uFEFFline_no,name\n1,ada\n");

        // Act
        var result = await _data.RunAsync(Flow("\"path\": \"bom.csv\""));

        // Assert
        ResultAssert.Status(WorkflowStatus.Finished, result);
    }

    [Theory]
    [InlineData("\"delimiter\": \"\"", "delimiter")]
    [InlineData("\"maxLineSize\": 0", "maxLineSize")]
    public void Validate_SettingThatReadsNothing_IsAProblemNamingTheField(string setting, string field)
    {
        // Act
        var problems = _data.Problems(Flow($"\"path\": \"a.csv\", {setting}"));

        // Assert
        Assert.Contains(problems, p => p.Contains($"activity 'read', field '{field}'"));
    }

    [Fact]
    public async Task CsvInput_LineLongerThanMaxLineSize_SaysSoNamingTheActivityAndFile()
    {
        // Arrange
        _data.WriteFile("long.csv", "a,b\n1," + new string('x', 5_000) + "\n");

        // Act
        var result = await _data.RunAsync(Flow("\"path\": \"long.csv\", \"maxLineSize\": 1000"));

        // Assert
        ResultAssert.Status(WorkflowStatus.Faulted, result);
        Assert.Contains("'long.csv'", result.Error);
        Assert.Contains("longer than the maximum line size of 1,000 bytes", result.Error);
        Assert.Contains("CsvInput 'read'", result.Error);
    }

    [Fact]
    public async Task CsvInput_ThreeMegabyteLine_PassesTheDefaultLimitOnlyWhenRaised()
    {
        // Arrange
        _data.WriteFile("big.csv", "a,b\n1," + new string('x', 3 * 1024 * 1024) + "\n");

        // Act
        var refused = await _data.RunAsync(Flow("\"path\": \"big.csv\""));
        var read = await _data.RunAsync(Flow("\"path\": \"big.csv\", \"maxLineSize\": 8388608"));

        // Assert
        ResultAssert.Status(WorkflowStatus.Faulted, refused);
        Assert.Contains("longer than the maximum line size of 2,097,152 bytes (maxLineSize)", refused.Error);
        ResultAssert.Status(WorkflowStatus.Finished, read);
    }
}
