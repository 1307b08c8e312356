using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.Validation;

namespace ElsaFlow.Activities.Data;

/// <summary>Validation's SQL checks through <see cref="UserSql"/>, DuckDB's parser: the checks each step runs again when it runs.</summary>
public sealed class UserSqlSyntax : ISqlSyntax
{
    public string? ExpressionProblem(string sql) => Problem(() => UserSql.Expression(sql, ""));

    public string? QueryProblem(string sql) => Problem(() => UserSql.QuerySyntax(sql, ""));

    private static string? Problem(Action check)
    {
        try
        {
            check();
            return null;
        }
        catch (UserSqlException e)
        {
            return e.Reason;
        }
    }
}
