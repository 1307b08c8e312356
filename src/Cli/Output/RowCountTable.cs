using System.Globalization;
using ElsaFlow.Activities.Preview;
using Spectre.Console;

namespace ElsaFlow.Cli.Output;

/// <summary>
/// The "rows per activity" summary printed when a run settles: one line per data activity, with how its result is kept.
/// Counts come from the queries that ran; a view nothing counted shows "not counted" (it is never run again for the
/// summary); <c>elsaflow preview ID ACTIVITY</c> counts one on request.
/// </summary>
public static class RowCountTable
{
    public static void Print(IAnsiConsole console, IReadOnlyList<ActivityRowCount> rows)
    {
        if (rows.Count == 0) return;
        var table = new Table().Border(TableBorder.Simple).Title("rows per activity")
            .AddColumn("activity").AddColumn(new TableColumn("rows").RightAligned()).AddColumn("kept as");
        foreach (var row in rows)
            table.AddRow(Markup.Escape(row.ActivityId), row.RowCount?.ToString("N0", CultureInfo.InvariantCulture) ?? "[grey]not counted[/]", row.Materialized ? "table" : "[grey]view[/]");
        console.Write(table);
    }
}
