using System.Data.Common;
using MySqlConnector;

namespace ElsaFlow.Activities.Databases;

/// <summary>MySQL and MariaDB through MySqlConnector.</summary>
internal class MySqlDialect : DatabaseDialect
{
    public static readonly MySqlDialect Instance = new();

    public override string Product => "MySQL";
    public override IReadOnlyCollection<string> Kinds { get; } = ["mysql", "mariadb"];

    public override DbConnection Connect(string connectionString) => new MySqlConnection(Settings(connectionString).ConnectionString);

    /// <summary>The user's settings, with pooling off and LOAD DATA LOCAL allowed (the bulk path of the outputs).</summary>
    public static MySqlConnectionStringBuilder Settings(string connectionString) =>
        new(connectionString) { Pooling = false, AllowLoadLocalInfile = true, AllowUserVariables = true };

    public override IEnumerable<string> Secrets(string connectionString) => [new MySqlConnectionStringBuilder(connectionString).Password];

    public override string Quote(string name) => "`" + name.Replace("`", "``") + "`";

    /// <summary>DECIMAL(65,30) is wider than .NET's decimal: those are read as MySqlDecimal's exact text.</summary>
    public override ReadColumn Column(DbColumn column)
    {
        var mapped = ReadColumns.Map(column);
        return mapped.DuckType == "VARCHAR" && column.DataType == typeof(decimal)
            ? mapped with { Read = (reader, i) => ((MySqlDataReader)reader).GetMySqlDecimal(i).ToString() }
            : mapped;
    }
}
