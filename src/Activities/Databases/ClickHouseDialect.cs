using System.Data.Common;
using System.Globalization;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// ClickHouse, spoken to over its HTTP interface (<see cref="ClickHouseHttp"/>): ClickHouse.Driver 1.5 sends settings the
/// 18.16 server of the tests does not know, so there is no ADO.NET connection. A query parameter is written
/// <c>{p0:Type}</c> and sent beside the query (<c>param_p0</c>), ClickHouse's own server-side binding (19.11 and later).
/// </summary>
internal sealed class ClickHouseDialect : DatabaseDialect
{
    public static readonly ClickHouseDialect Instance = new();

    public override string Product => "ClickHouse";
    public override IReadOnlyCollection<string> Kinds { get; } = ["clickhouse"];

    public override DbConnection Connect(string connectionString) =>
        throw new NotSupportedException("ClickHouse is read and written over its HTTP interface, not through a DbConnection");

    public override IEnumerable<string> Secrets(string connectionString) => [ClickHouseHttp.Settings.Parse(connectionString).Password];

    public override string Quote(string name) => "`" + name.Replace("\\", "\\\\").Replace("`", "\\`") + "`";

    public override string Marker(int index, object? value) => $"{{p{index}:{ParameterType(value)}}}";

    /// <summary>The ClickHouse type a parameter's value is bound as.</summary>
    public static string ParameterType(object? value) => value switch
    {
        null => "Nullable(String)",
        long => "Int64",
        decimal or double => "Float64",
        bool => "UInt8",
        _ => "String"
    };

    /// <summary>A parameter's value as ClickHouse reads it from the URL (its text form; NULL as \N).</summary>
    public static string ParameterText(object? value) => value switch
    {
        null => "\\N",
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? ""
    };
}
