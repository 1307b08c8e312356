using DuckDB.NET.Data;
using ElsaFlow.Activities.Tests.Support;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Activities.Tests.Outputs;

public sealed class ParquetOutputTests : IAsyncLifetime
{
    private readonly DataHarness _data = new();

    public Task InitializeAsync()
    {
        _data.WriteFile("sales.csv", OutputFlow.Sales);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task ParquetOutput_Zstd_WritesAFileDuckDBReadsBack()
    {
        var result = await _data.RunAsync(OutputFlow.Chain("""{"id": "out", "type": "ParquetOutput", "path": "out/sales.parquet", "compression": "zstd"}"""));

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.Equal(["1:ann:5", "2:bob:9", "3:c,d:1"], await ReadParquetAsync(_data.PathOf("out/sales.parquet")));
        Assert.Equal(OutputFlow.SalesText, OutputFlow.Text(await _data.RowsAsync(result, "after")));
    }

    [Fact]
    public async Task ParquetOutput_Preview_WritesNothing()
    {
        var result = await _data.PreviewAsync(OutputFlow.Chain("""{"id": "out", "type": "ParquetOutput", "path": "sales.parquet"}"""), "out");

        ResultAssert.Status(WorkflowStatus.Finished, result);
        Assert.False(File.Exists(_data.PathOf("sales.parquet")));
    }

    [Fact]
    public void ParquetOutput_UnknownCompression_IsAValidationProblem()
    {
        var problems = _data.Problems(OutputFlow.Chain("""{"id": "out", "type": "ParquetOutput", "path": "x.parquet", "compression": "rar"}"""));

        Assert.Equal(["flow 'output', activity 'out', field 'compression': 'rar' is not one of snappy, zstd, gzip, uncompressed"], problems);
    }

    private static async Task<List<string>> ReadParquetAsync(string path)
    {
        await using var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, name, amount, typeof(amount) FROM read_parquet('{path.Replace("'", "''")}') ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            Assert.Equal("BIGINT", reader.GetString(3));
            rows.Add($"{reader.GetInt64(0)}:{reader.GetString(1)}:{reader.GetInt64(2)}");
        }
        return rows;
    }
}
