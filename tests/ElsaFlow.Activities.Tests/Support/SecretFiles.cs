using ClosedXML.Excel;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;

namespace ElsaFlow.Activities.Tests.Support;

/// <summary>
/// A readable file of each kind a file input takes, holding one row (1, "s3cr3t"), so a test can tell a read that was
/// refused from one that failed to parse: the same file read from inside the data root succeeds.
/// </summary>
public static class SecretFiles
{
    public const string Secret = "s3cr3t";

    /// <summary>Each file input with the extension of its files and the inputs it needs besides the path.</summary>
    public static readonly (string Type, string Extension, string Inputs)[] Readers =
    [
        ("CsvInput", ".csv", ""),
        ("JsonInput", ".json", ""),
        ("ParquetInput", ".parquet", ""),
        ("ExcelInput", ".xlsx", ""),
        ("SqliteInput", ".sqlite", """, "table": "secrets" """),
        ("DuckDBInput", ".duckdb", """, "table": "secrets" """),
        ("HtmlInput", ".html", ""),
    ];

    /// <summary>Writes the file of that kind at <paramref name="path"/> (its folder is created).</summary>
    public static async Task WriteAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (Path.GetExtension(path))
        {
            case ".csv": await File.WriteAllTextAsync(path, $"id,secret\n1,{Secret}\n"); break;
            case ".json": await File.WriteAllTextAsync(path, $$"""[{"id": 1, "secret": "{{Secret}}"}]"""); break;
            case ".html": await File.WriteAllTextAsync(path, $"<table><tr><th>id</th><th>secret</th></tr><tr><td>1</td><td>{Secret}</td></tr></table>"); break;
            case ".parquet": await DuckDbAsync(":memory:", $"COPY (SELECT 1 AS id, '{Secret}' AS secret) TO '{path}' (FORMAT parquet)"); break;
            case ".duckdb": await DuckDbAsync(path, $"CREATE TABLE secrets AS SELECT 1 AS id, '{Secret}' AS secret"); break;
            case ".sqlite":
                await using (var sqlite = new SqliteConnection($"Data Source={path};Pooling=False"))
                {
                    await sqlite.OpenAsync();
                    await using var command = sqlite.CreateCommand();
                    command.CommandText = $"CREATE TABLE secrets (id INTEGER, secret TEXT); INSERT INTO secrets VALUES (1, '{Secret}')";
                    await command.ExecuteNonQueryAsync();
                }
                break;
            case ".xlsx":
                using (var workbook = new XLWorkbook())
                {
                    var sheet = workbook.AddWorksheet("secrets");
                    sheet.Cell(1, 1).Value = "id";
                    sheet.Cell(1, 2).Value = "secret";
                    sheet.Cell(2, 1).Value = 1;
                    sheet.Cell(2, 2).Value = Secret;
                    workbook.SaveAs(path);
                }
                break;
            default: throw new ArgumentException($"no secret file of kind '{Path.GetExtension(path)}'", nameof(path));
        }
    }

    /// <summary>A plain DuckDB connection, not a workspace: these files are made by the test, outside any flow's limits.</summary>
    private static async Task DuckDbAsync(string database, string sql)
    {
        await using var connection = new DuckDBConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
