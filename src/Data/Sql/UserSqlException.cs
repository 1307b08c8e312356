namespace ElsaFlow.Data.Sql;

/// <summary>SQL a flow author wrote was refused: it is not one statement of the expected kind, or it reaches past the data it may read.</summary>
public sealed class UserSqlException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;

    /// <summary>What is wrong, without the field's name.</summary>
    public string Reason { get; } = message;
}
