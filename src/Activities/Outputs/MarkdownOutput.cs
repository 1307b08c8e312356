using System.Text;
using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Outputs;

/// <summary>
/// Writes a dataset as a Markdown pipe table (with an optional heading). Cells are escaped so that a Markdown parser
/// (Markdig with pipe tables) reads back the same text: pipes and markup characters get a backslash, line breaks become spaces.
/// </summary>
[Activity(Category = "Outputs", Description = "Write the dataset as a Markdown table")]
public sealed class MarkdownOutput : OutputActivity
{
    [Input(Description = "File path (.md), relative to the data root", Required = true)]
    public Input<string> Path { get; init; } = new("");

    [Input(Description = "Optional heading written above the table")]
    public Input<string> Title { get; init; } = new("");

    protected override async Task WriteAsync(DataContext context, Dataset input)
    {
        var path = OutputFiles.Prepare(context, context.Get(Path), "path");
        if (input.Columns.Count == 0) throw new DataStepException("In: the dataset has no columns to write as a table");
        var numeric = input.Columns.Select(c => OutputRows.IsNumeric(c.Type)).ToArray();
        long rows = 0;
        await using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
        {
            if (context.Get(Title) is { Length: > 0 } title) await writer.WriteAsync($"# {MarkdownText.Escape(title)}\n\n");
            await writer.WriteAsync(Line(input.Columns.Select(c => MarkdownText.Escape(c.Name))));
            await writer.WriteAsync(Line(numeric.Select(n => n ? "---:" : "---")));
            await foreach (var cells in OutputRows.TextAsync(context, input))
            {
                await writer.WriteAsync(Line(cells.Select(c => MarkdownText.Escape(c as string ?? ""))));
                rows++;
            }
        }
        context.Wrote(path);
        context.Log($"wrote {rows} rows to {path}");
    }

    private static string Line(IEnumerable<string> cells) => "| " + string.Join(" | ", cells) + " |\n";
}
