using System.Data.Common;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// What differs between the database servers the inputs and outputs speak: how to connect, how to quote a name, how a
/// parameter is written, and (for outputs) the table types and the bulk path. One sealed subclass per client library.
/// </summary>
internal abstract class DatabaseDialect
{
    /// <summary>The server's name in messages (MySQL, PostgreSQL...).</summary>
    public abstract string Product { get; }

    /// <summary>The connection kinds (lower case) a named connection may have to be used here.</summary>
    public abstract IReadOnlyCollection<string> Kinds { get; }

    /// <summary>An unopened connection. Pooling is off: a step opens few connections, and a pooled one that a restarted server dropped would fail the retry.</summary>
    public abstract DbConnection Connect(string connectionString);


    /// <summary>The password (or other secret) in a connection string, so it can be blanked out of any server message.</summary>
    public abstract IEnumerable<string> Secrets(string connectionString);

    public abstract string Quote(string name);

    /// <summary>A table name as written by the user (schema.table allowed), quoted part by part.</summary>
    public string QuoteTable(string table) => string.Join(".", table.Split('.').Select(part => Quote(part.Trim())));

    /// <summary>The text of the index-th command parameter inside SQL.</summary>
    public virtual string Marker(int index) => "@p" + index;

    /// <summary>The marker of a query parameter whose value is known (ClickHouse writes the type into the marker).</summary>
    public virtual string Marker(int index, object? value) => Marker(index);

    /// <summary>Adds the index-th parameter with its value (null for SQL NULL).</summary>
    public virtual void AddParameter(DbCommand command, int index, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@p" + index;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The query limited to its first rows (previews).</summary>
    public virtual string Limit(string select, int rows) => $"SELECT * FROM ({select}) AS elsaflow_preview LIMIT {rows}";

    /// <summary>How one column of a result is read into the workspace.</summary>
    public virtual ReadColumn Column(DbColumn column) => ReadColumns.Map(column);
}
