using ElsaFlow.Activities.Data;
using ElsaFlow.Data;
using ElsaFlow.Engine.ActivityModel;
using HtmlAgilityPack;

namespace ElsaFlow.Activities.Inputs;

/// <summary>
/// Reads a table of an HTML page (a file under the data roots or an http(s) url) into a dataset: header cells name
/// the columns, and columns whose cells are all numbers become numbers. Filled through the appender into a table.
/// </summary>
[Activity(Category = "Inputs", Description = "Read a table of an HTML page (file or url) into a dataset")]
public sealed class HtmlInput : DataActivity
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    [Input(Description = "HTML file path, relative to the data root; give this or url")]
    public Input<string> Path { get; init; } = new("");

    [Input(Description = "http(s) address of the page; give this or path")]
    public Input<string> Url { get; init; } = new("");

    [Input(Description = "Which table of the page, counting from 0 (when no selector is given)")]
    public Input<int> Table { get; init; } = new(0);

    [Input(Description = "XPath or simple CSS selector (tag, #id, .class) of the table or an element around it")]
    public Input<string> Selector { get; init; } = new("");

    [Input(Description = "Whether the first row holds the column names")]
    public Input<bool> Header { get; init; } = new(true);

    public override void Validate(ActivityValidationContext context)
    {
        if (context.Has("path") == context.Has("url")) context.Report("path", "give either a path or a url, not both and not neither");
        if (context.Raw("url") is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var url) && !IsWebAddress(url))
            context.Report("url", $"'{url}' is not an http(s) address");
    }

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var (path, url) = (context.Get(Path) ?? "", context.Get(Url) ?? "");
        if (string.IsNullOrWhiteSpace(path) == string.IsNullOrWhiteSpace(url))
            throw new DataStepException("path: give either a path or a url, not both and not neither");
        var page = new HtmlDocument();
        var source = path.Length > 0 ? path : url;
        if (path.Length > 0) page.Load(InputFiles.Existing(context, path));
        else page.LoadHtml(await DownloadAsync(url, context.CancellationToken));

        var selector = context.Get(Selector) ?? "";
        var table = selector.Length > 0 ? HtmlTables.BySelector(page, selector, source) : HtmlTables.ByIndex(page, context.Get(Table), source);
        var rows = HtmlTables.Rows(table);
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        if (width == 0) throw new DataStepException($"{(selector.Length > 0 ? "selector" : "table")}: the table in '{source}' has no cells");

        var header = context.Get(Header) && rows.Count > 0;
        var names = AppendedTable.UniqueNames(Enumerable.Range(0, width).Select(i => header && i < rows[0].Count ? rows[0][i] : null));
        var data = rows.Skip(header ? 1 : 0).Take(context.PreviewRows ?? int.MaxValue)
            .Select(r => Enumerable.Range(0, width).Select(i => i < r.Count ? (object?)r[i] : null).ToArray()).ToList();
        var types = Enumerable.Range(0, width).Select(i => ColumnGuess.TypeOf(data.Select(r => r[i]), parseText: true)).ToList();
        var schema = names.Select((name, i) => new DataColumn(name, types[i])).ToList();
        var values = data.Select(r => r.Select((v, i) => ColumnGuess.Convert(v, types[i])).ToArray());
        return DataResult.Done(await AppendedTable.FillAsync(context, schema, values));
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static async Task<string> DownloadAsync(string url, CancellationToken ct)
    {
        if (!IsWebAddress(url)) throw new DataStepException($"url: '{url}' is not an http(s) address");
        try
        {
            using var response = await Http.GetAsync(url, ct);
            if (!response.IsSuccessStatusCode) throw new DataStepException($"url: '{url}' answered {(int)response.StatusCode} {response.ReasonPhrase}");
            return await response.Content.ReadAsStringAsync(ct);
        }
        catch (HttpRequestException e)
        {
            throw new DataStepException($"url: '{url}' could not be read: {e.Message}", e);
        }
    }
}
