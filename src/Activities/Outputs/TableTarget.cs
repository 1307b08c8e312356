using ElsaFlow.Activities.Data;
using ElsaFlow.Data;

namespace ElsaFlow.Activities.Outputs;

/// <summary>The checked settings of a database output: table, mode and upsert keys.</summary>
internal sealed record TableTarget(string Table, TableWriteMode Mode, IReadOnlyList<string> Keys)
{
    public static TableTarget Check(string table, TableWriteMode mode, IReadOnlyList<string>? keys, Dataset input)
    {
        if (string.IsNullOrWhiteSpace(table)) throw new DataStepException("table: give the name of the table to write");
        if (!Enum.IsDefined(mode)) throw new DataStepException($"mode: unknown mode '{mode}'; use insert, overwrite, upsert or merge");
        keys ??= [];
        if (mode is TableWriteMode.Upsert or TableWriteMode.Merge && keys.Count == 0)
            throw new DataStepException($"keys: mode {mode.ToString().ToLowerInvariant()} needs the key columns that identify a row");
        foreach (var key in keys)
            if (input.Column(key) is null)
                throw new DataStepException($"keys: column '{key}' does not exist; the input has {string.Join(", ", input.Columns.Select(c => c.Name))}");
        if (input.Columns.Count == 0) throw new DataStepException("In: the dataset has no columns to write");
        return new TableTarget(table, mode, keys.Select(k => input.Column(k)!.Name).ToList());
    }
}
