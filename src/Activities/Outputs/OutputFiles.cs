using ElsaFlow.Activities.Data;
using ElsaFlow.Data.Sql;

namespace ElsaFlow.Activities.Outputs;

/// <summary>Target files of outputs: resolved inside the data roots (links followed and checked), parent folders created, COPY statements run.</summary>
internal static class OutputFiles
{
    /// <summary>The real path for an output file (checked as <see cref="DataContext.ResolvePath"/> checks); its folder is created.</summary>
    public static string Prepare(DataContext context, string path, string field)
    {
        var full = context.ResolvePath(path, field);
        if (Directory.Exists(full)) throw new DataStepException($"{field}: '{path}' is a folder; give a file path");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>
    /// Another file an output writes beside its target (a part file, a temporary file): checked again, since a link
    /// may stand at that name even when the target itself is fine.
    /// </summary>
    public static string Beside(DataContext context, string file, string field) => context.ResolvePath(file, field);

    /// <summary>Runs <c>COPY (select) TO file (options)</c> and returns the rows written.</summary>
    public static async Task<long> CopyAsync(DataContext context, string select, string file, string options)
    {
        await using var command = context.Workspace.Connection.CreateCommand();
        command.CommandText = $"COPY ({select}) TO {SqlText.String(file)} ({options})";
        var rows = await command.ExecuteNonQueryAsync(context.CancellationToken);
        context.RowsWritten = rows;
        return rows;
    }
}
