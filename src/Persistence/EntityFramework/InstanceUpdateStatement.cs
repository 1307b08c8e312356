using System.Collections.Concurrent;
using System.Data.Common;
using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ElsaFlow.Persistence.EntityFramework;

/// <summary>
/// A commit's conditional UPDATE of the instance row as one prepared text per provider, with the table, columns and
/// value conversions read from the EF model. Every commit of a running instance makes it; through
/// <c>ExecuteUpdateAsync</c> each one built and funcletized an expression tree of eleven setters first, a tenth of a
/// master's CPU in the cluster benchmark.
/// </summary>
internal sealed class InstanceUpdateStatement
{
    // The columns set, in the order of the parameters @p0.. that carry them; the filter's three follow.
    private static readonly string[] Set =
    [
        nameof(InstanceEntity.DefinitionId), nameof(InstanceEntity.DefinitionVersion), nameof(InstanceEntity.Status),
        nameof(InstanceEntity.CorrelationId), nameof(InstanceEntity.ParentInstanceId), nameof(InstanceEntity.CreatedAt),
        nameof(InstanceEntity.UpdatedAt), nameof(InstanceEntity.FinishedAt), nameof(InstanceEntity.Revision),
        nameof(InstanceEntity.StateJson), nameof(InstanceEntity.Error)
    ];

    private static readonly ConcurrentDictionary<(Type, string?), InstanceUpdateStatement> ByProvider = new();

    private readonly string _sql;
    private readonly IProperty[] _properties;

    private InstanceUpdateStatement(string sql, IProperty[] properties)
    {
        _sql = sql;
        _properties = properties;
    }

    public static InstanceUpdateStatement For(DbContext db) =>
        ByProvider.GetOrAdd((db.GetType(), db.Database.ProviderName), _ => Build(db));

    private static InstanceUpdateStatement Build(DbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(InstanceEntity))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = Set.Select(name => entity.FindProperty(name)!).ToArray();
        string Column(string name) => sql.DelimitIdentifier(entity.FindProperty(name)!.GetColumnName(table)!);
        var assignments = string.Join(", ", Set.Select((name, i) => $"{Column(name)} = @p{i}"));
        var n = Set.Length;
        var text = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {assignments} " +
                   $"WHERE {Column(nameof(InstanceEntity.Id))} = @p{n} AND {Column(nameof(InstanceEntity.Revision))} = @p{n + 1} " +
                   $"AND ({Column(nameof(InstanceEntity.LeaseOwner))} IS NULL OR {Column(nameof(InstanceEntity.LeaseOwner))} = @p{n + 2})";
        return new InstanceUpdateStatement(text, properties);
    }

    /// <summary>
    /// Writes the commit's instance row if the stored revision is the expected one and no other node holds the lease
    /// (an expired lease of the committer's own still counts); the number of rows written, 0 or 1.
    /// </summary>
    public Task<int> ExecuteAsync(DbContext db, InstanceCommit commit, CancellationToken ct)
    {
        var expected = commit.ExpectedRevision;
        var row = commit.Instance.ToEntity(revision: expected + 1);
        using var factory = db.Database.GetDbConnection().CreateCommand();
        var parameters = new List<DbParameter>(_properties.Length + 3);
        foreach (var property in _properties)
        {
            var value = property.GetGetter().GetClrValue(row);
            var converter = property.GetTypeMapping().Converter;
            parameters.Add(Parameter(factory, parameters.Count, value is null || converter is null ? value : converter.ConvertToProvider(value)));
        }
        parameters.Add(Parameter(factory, parameters.Count, row.Id));
        parameters.Add(Parameter(factory, parameters.Count, expected));
        parameters.Add(Parameter(factory, parameters.Count, commit.Instance.LeaseOwner));
        return db.Database.ExecuteSqlRawAsync(_sql, parameters, ct);
    }

    private static DbParameter Parameter(DbCommand factory, int index, object? value)
    {
        var parameter = factory.CreateParameter();
        parameter.ParameterName = $"@p{index}";
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }
}
