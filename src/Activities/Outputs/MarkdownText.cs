using System.Text;

namespace ElsaFlow.Activities.Outputs;

/// <summary>Escapes text for a Markdown table cell so that CommonMark (and Markdig's extensions) read it back unchanged.</summary>
internal static class MarkdownText
{
    // Characters that start markup in CommonMark or in Markdig's extensions (emphasis extras, math, attributes,
    // abbreviations, footnotes...). Any ASCII punctuation may take a backslash, so escaping them is always safe.
    private const string Markup = "\\`*_{}[]<>()#+!|~^=$&\"";

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' '))
        {
            if (Markup.Contains(c)) builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }
}
