using System.Text.RegularExpressions;
using ElsaFlow.Activities.Data;
using HtmlAgilityPack;

namespace ElsaFlow.Activities.Inputs;

/// <summary>Finds a table in an HTML page (by position, XPath or a simple CSS selector) and reads its cells as text.</summary>
internal static partial class HtmlTables
{
    public static HtmlNode ByIndex(HtmlDocument page, int index, string source)
    {
        var tables = page.DocumentNode.Descendants("table").ToList();
        if (index < 0 || index >= tables.Count)
            throw new DataStepException($"table: '{source}' has {tables.Count} table(s); there is no table at position {index} (counting from 0)");
        return tables[index];
    }

    public static HtmlNode BySelector(HtmlDocument page, string selector, string source)
    {
        var xpath = ToXPath(selector);
        HtmlNodeCollection? nodes;
        try { nodes = page.DocumentNode.SelectNodes(xpath); }
        catch (System.Xml.XPath.XPathException e) { throw new DataStepException($"selector: '{selector}' is not a valid XPath: {e.Message}", e); }
        var node = nodes?.FirstOrDefault() ?? throw new DataStepException($"selector: '{selector}' matches nothing in '{source}'");
        return node.Name == "table" ? node
            : node.Descendants("table").FirstOrDefault() ?? throw new DataStepException($"selector: '{selector}' matches a <{node.Name}> with no table in it");
    }

    /// <summary>The table's rows (not those of nested tables), each as the trimmed text of its th/td cells.</summary>
    public static List<List<string>> Rows(HtmlNode table) => table.Descendants("tr")
        .Where(tr => tr.Ancestors("table").First() == table)
        .Select(tr => tr.ChildNodes.Where(c => c.Name is "td" or "th").Select(Text).ToList())
        .Where(cells => cells.Count > 0)
        .ToList();

    /// <summary>XPath as is (starts with / or ( or .); otherwise a CSS selector of tags, #ids and .classes joined by spaces.</summary>
    public static string ToXPath(string selector)
    {
        var text = selector.Trim();
        if (text.StartsWith('/') || text.StartsWith('(') || text.StartsWith('.') && text.Length > 1 && (text[1] == '/' || text[1] == '.')) return text;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var steps = new List<string>();
        foreach (var part in parts)
        {
            var match = SimpleCss().Match(part);
            if (!match.Success || match.Length == 0)
                throw new DataStepException($"selector: '{selector}' is neither XPath nor a simple CSS selector (tag, #id, .class, joined by spaces)");
            var step = match.Groups["tag"].Success ? match.Groups["tag"].Value.ToLowerInvariant() : "*";
            if (match.Groups["id"].Success) step += $"[@id='{match.Groups["id"].Value}']";
            foreach (Capture cls in match.Groups["class"].Captures)
                step += $"[contains(concat(' ', normalize-space(@class), ' '), ' {cls.Value} ')]";
            steps.Add(step);
        }
        return "//" + string.Join("//", steps);
    }

    /// <summary>The cell's text without that of tables nested in it (they are tables of their own).</summary>
    private static string Text(HtmlNode cell)
    {
        if (cell.Descendants("table").Any())
        {
            cell = cell.CloneNode(deep: true);
            foreach (var nested in cell.Descendants("table").ToList()) nested.Remove();
        }
        return Whitespace().Replace(HtmlEntity.DeEntitize(cell.InnerText) ?? "", " ").Trim();
    }

    [GeneratedRegex(@"^(?<tag>[A-Za-z][A-Za-z0-9-]*|\*)?(#(?<id>[A-Za-z0-9_-]+))?(\.(?<class>[A-Za-z0-9_-]+))*$")]
    private static partial Regex SimpleCss();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
