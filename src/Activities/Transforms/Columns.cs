using ElsaFlow.Activities.Data;
using ElsaFlow.Data;

namespace ElsaFlow.Activities.Transforms;

/// <summary>Checks the column names a transform was given against its input, with errors that list what is there.</summary>
internal static class Columns
{
    /// <summary>The column as the input spells it; a <see cref="DataStepException"/> naming the field when it is missing.</summary>
    public static string Require(Dataset input, string? column, string field)
    {
        if (string.IsNullOrWhiteSpace(column)) throw new DataStepException($"{field}: give a column name; the input has {Available(input)}");
        return input.Column(column)?.Name
            ?? throw new DataStepException($"{field}: column '{column}' does not exist; the input has {Available(input)}");
    }

    public static List<string> Require(Dataset input, IEnumerable<string> columns, string field) =>
        columns.Select(c => Require(input, c, field)).ToList();

    public static string Available(Dataset input) => string.Join(", ", input.Columns.Select(c => c.Name));

    public static bool Has(Dataset input, string column) => input.Column(column) is not null;
}
