using ElsaFlow.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ElsaFlow.Persistence.Tests.Sqlite;

/// <summary>
/// The store's contexts use the model generated into Sqlite/CompiledModel: it must describe the same tables as the
/// model OnModelCreating builds (which migrations use). When this fails, regenerate it (see SqliteWorkflowStore.BuildOptions).
/// </summary>
public sealed class SqliteCompiledModelTests
{
    [Fact]
    public void CompiledModel_DescribesTheSameTablesAsTheBuiltModel()
    {
        using var built = new SqliteElsaFlowDbContext(SqliteWorkflowStore.BuildOptions("Data Source=:memory:"));
        using var compiled = new SqliteElsaFlowDbContext(SqliteWorkflowStore.BuildOptions("Data Source=:memory:", compiledModel: true));

        // Only the store's contexts opt in (UseModel): the other one builds its model, as migrations do.
        Assert.NotSame(built.Model, compiled.Model);
        Assert.Contains(Describe(built.Model), line => line.StartsWith("instances.", StringComparison.Ordinal));
        Assert.Equal(Describe(built.Model), Describe(compiled.Model));
    }

    /// <summary>Every table with its columns (name, store type, nullability), keys and indexes, one line each.</summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            lines.AddRange(table.Columns.Select(c => $"{table.Name}.{c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")}"));
            lines.AddRange(table.UniqueConstraints.Select(k => $"{table.Name} key {k.Name} ({string.Join(", ", k.Columns.Select(c => c.Name))})"));
            lines.AddRange(table.Indexes.Select(i => $"{table.Name} index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}){(i.IsUnique ? " unique" : "")}"));
        }
        return lines.Order(StringComparer.Ordinal).ToList();
    }
}
