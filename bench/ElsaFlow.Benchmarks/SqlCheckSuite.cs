using DuckDB.NET.Data;
using ElsaFlow.Data.Sql;

namespace ElsaFlow.Benchmarks;

/// <summary>
/// What the parser-backed checks of user SQL (<see cref="UserSql"/>) cost a data step: a condition and a query seen for
/// the first time, the same ones again (remembered), and one DuckDB statement for scale (a step runs several).
/// </summary>
internal sealed class SqlCheckSuite(int runs)
{
    private const int Checks = 2_000;
    private const string Condition = "quantity >= 3 AND region <> 'Central'";
    private const string Query = "SELECT c.segment, o.month, count(*) AS orders, sum(o.amount) AS revenue FROM orders o JOIN customers c USING (customer_id) GROUP BY c.segment, o.month";
    private static readonly string[] Tables = ["orders", "customers"];

    public async Task<List<BenchResult>> RunAsync()
    {
        var results = new List<BenchResult>();
        var text = 0;
        // A comment with a counter makes every text new, so none is remembered.
        await TimeAsync(results, "Q1. A condition, first seen", $"UserSql.Expression(\"{Condition} -- n\") with a new n each time",
            () => UserSql.Expression($"{Condition} -- {text++}", "condition"), "< 1 ms");
        await TimeAsync(results, "Q2. A query, first seen", "UserSql.Query of a join with GROUP BY over two inbound datasets, a new text each time",
            () => UserSql.Query($"{Query} -- {text++}", "query", Tables), "< 1 ms");
        await TimeAsync(results, "Q3. A condition, seen before", "UserSql.Expression of the same text (a loop, the next run of a flow)",
            () => UserSql.Expression(Condition, "condition"), "< 10 us");
        await using var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await TimeAsync(results, "Q4. One DuckDB statement, for scale", "`SELECT 1` through DuckDB.NET on an in-memory database (a data step runs several statements)",
            () => command.ExecuteScalar(), "none set (reported)");
        return results;
    }

    private async Task TimeAsync(List<BenchResult> results, string name, string what, Action check, string target)
    {
        for (var i = 0; i < 200; i++) check();
        var (median, all) = await Measure.MedianSecondsAsync(runs, () =>
        {
            for (var i = 0; i < Checks; i++) check();
            return Task.CompletedTask;
        });
        var micros = median * 1e6 / Checks;
        bool? passed = target switch
        {
            "< 1 ms" => micros < 1000,
            "< 10 us" => micros < 10,
            _ => null
        };
        results.Add(new BenchResult(name, what,
            $"{Checks:N0} calls in a row on one thread, Stopwatch; 200 warm-up calls, median of {runs} (runs: {string.Join(", ", all.Select(s => $"{s * 1e6 / Checks:N1} us"))})",
            $"{micros:N1} us per call", target, passed));
    }
}
