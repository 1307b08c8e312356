namespace ElsaFlow.Engine.Validation;

/// <summary>
/// Checks the SQL a flow author writes while the flow is validated, before it runs (the data plane implements it with
/// DuckDB's parser; the engine has no SQL of its own). Each answer is the problem, or null when the text is fine.
/// </summary>
public interface ISqlSyntax
{
    /// <summary>An expression or condition over a row's columns (Filter's condition, a Switch case over rows).</summary>
    string? ExpressionProblem(string sql);

    /// <summary>One SELECT query, whatever tables it reads (those are known when it runs).</summary>
    string? QueryProblem(string sql);
}
