using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Data.Sql;

namespace ElsaFlow.Activities.Transforms;

/// <summary>
/// The SQL of Group's aggregate functions. first, last and string_agg follow the input's row order, taken as a row
/// number in one pass over the input (<see cref="RowNumber"/>), so they mean the same on every run of the same input.
/// </summary>
internal static class Aggregates
{
    public const string RowNumber = "__elsaflow_row";

    public static readonly string[] Functions = ["sum", "avg", "min", "max", "count", "count_distinct", "first", "last", "string_agg"];

    public static bool NeedsRowOrder(string function) => function is "first" or "last" or "string_agg";

    /// <summary>The aggregate expression; <paramref name="filter"/> restricts the rows (RowToColumn's cells).</summary>
    public static string Sql(Aggregation aggregation, Dataset input, string field, string? filter = null)
    {
        var function = Normalize(aggregation.Function, field);
        var filterClause = filter is null ? "" : $" FILTER (WHERE {filter})";
        if (function == "count" && string.IsNullOrWhiteSpace(aggregation.Column)) return $"count(*){filterClause}";
        var column = SqlText.Identifier(Columns.Require(input, aggregation.Column, field));
        var byRow = SqlText.Identifier(RowNumber);
        return function switch
        {
            "count_distinct" => $"count(DISTINCT {column}){filterClause}",
            "first" => $"first({column} ORDER BY {byRow}){filterClause}",
            "last" => $"last({column} ORDER BY {byRow}){filterClause}",
            "string_agg" => $"string_agg(CAST({column} AS VARCHAR), {SqlText.String(aggregation.Separator)} ORDER BY {byRow}){filterClause}",
            _ => $"{function}({column}){filterClause}"
        };
    }

    public static string Normalize(string function, string field)
    {
        var name = (function ?? "").Trim().ToLowerInvariant();
        return Functions.Contains(name) ? name
            : throw new DataStepException($"{field}: function '{function}' is not one of {string.Join(", ", Functions)}");
    }

    public static string DefaultName(Aggregation aggregation) =>
        string.IsNullOrWhiteSpace(aggregation.Column) ? aggregation.Function.ToLowerInvariant() : $"{aggregation.Function.ToLowerInvariant()}_{aggregation.Column}";

    /// <summary>The input with its row number, taken in one pass in the order the input yields its rows.</summary>
    public static string Numbered(Dataset input) =>
        $"(SELECT *, row_number() OVER () AS {SqlText.Identifier(RowNumber)} FROM {DataContext.From(input)})";
}
