using System.Text;

namespace ElsaFlow.Activities.Outputs;

/// <summary>Renders rows as a plain text table with aligned columns, a header and a separator line.</summary>
internal static class TextTable
{
    public static string Render(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows, IReadOnlyList<bool> rightAligned, int maxWidth)
    {
        var cut = rows.Select(r => r.Select(c => Cut(c, maxWidth)).ToArray()).ToList();
        var names = headers.Select(h => Cut(h, maxWidth)).ToArray();
        var widths = names.Select((h, i) => Math.Max(h.Length, cut.Count == 0 ? 0 : cut.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        Append(text, names, widths, rightAligned);
        text.AppendLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in cut) Append(text, row, widths, rightAligned);
        return text.ToString().TrimEnd('\n');
    }

    private static void Append(StringBuilder text, string[] cells, int[] widths, IReadOnlyList<bool> rightAligned)
    {
        var padded = cells.Select((c, i) => rightAligned[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]));
        text.Append(string.Join(" | ", padded).TrimEnd()).Append('\n');
    }

    private static string Cut(string text, int maxWidth)
    {
        var line = text.Replace("\r", " ").Replace("\n", " ");
        return line.Length <= maxWidth ? line : line[..(maxWidth - 3)] + "...";
    }
}
