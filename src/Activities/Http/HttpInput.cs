using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaFlow.Activities.Data;
using ElsaFlow.Activities.Inputs;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Http;

/// <summary>
/// Reads JSON records from an HTTP API into a dataset, following page, offset or cursor pagination. The records are
/// spooled to a JSON Lines file in the workspace's scratch folder and read with DuckDB's read_json into a table.
/// Failures that may pass (5xx, timeouts, refused connections) throw <see cref="HttpReadException"/> for the `retry` behaviour.
/// </summary>
[Activity(Category = "Http", Description = "Read JSON records from an HTTP API (with pagination) into a dataset")]
public sealed class HttpInput : DataActivity
{
    private static readonly string[] Methods = ["GET", "POST"];

    [Input(Description = "Absolute http(s) URL of the API", Required = true)]
    public Input<string> Url { get; init; } = new("");

    [Input(Description = "GET or POST", Options = ["GET", "POST"])]
    public Input<string> Method { get; init; } = new("GET");

    [Input(Description = "Request headers (Authorization, API keys...)", Sensitive = true)]
    public Input<Dictionary<string, string>> Headers { get; init; } = new([]);

    [Input(Description = "JSON body sent with POST", UiHint = "json")]
    public Input<JsonNode?> Body { get; init; } = new();

    [Input(Description = "Where the records are in the answer, like data.items; empty for the answer itself")]
    public Input<string> RecordsPath { get; init; } = new("");

    [Input(Description = "none, page (page number), offset (offset and limit) or cursor")]
    public Input<HttpPagination> Pagination { get; init; } = new(HttpPagination.None);

    [Input(Description = "Query parameter of the page number (page pagination)")]
    public Input<string> PageParam { get; init; } = new("page");

    [Input(Description = "First page number (page pagination)")]
    public Input<int> StartPage { get; init; } = new(1);

    [Input(Description = "Query parameter of the offset (offset pagination)")]
    public Input<string> OffsetParam { get; init; } = new("offset");

    [Input(Description = "Query parameter of the page size (offset pagination)")]
    public Input<string> LimitParam { get; init; } = new("limit");

    [Input(Description = "Records asked for per page (offset pagination)")]
    public Input<int> PageSize { get; init; } = new(100);

    [Input(Description = "Where the next cursor is in the answer, like meta.next (cursor pagination)")]
    public Input<string> CursorPath { get; init; } = new("");

    [Input(Description = "Query parameter the cursor is sent in (cursor pagination)")]
    public Input<string> CursorParam { get; init; } = new("cursor");

    [Input(Description = "Most pages read; reading stops there with a warning")]
    public Input<int> MaxPages { get; init; } = new(1000);

    protected override async ValueTask<DataResult> ExecuteAsync(DataContext context)
    {
        var request = Check(context);
        var spool = InputFiles.ScratchFile(context, "pages.jsonl");
        try
        {
            long records;
            int pages;
            await using (var writer = new StreamWriter(spool, append: false, new UTF8Encoding(false)))
                (records, pages) = await ReadPagesAsync(context, request, writer);
            context.Log($"read {records} records from {request.Url.GetLeftPart(UriPartial.Path)} in {pages} request(s)");
            if (records == 0)
            {
                context.Log("the API returned no records: the dataset is empty", "Warning");
                return DataResult.Done(await context.TableAsync("SELECT NULL::VARCHAR AS \"value\" WHERE false"));
            }
            var select = $"SELECT * FROM read_json({SqlText.String(spool)}, format = 'newline_delimited', sample_size = -1){context.LimitClause}";
            return DataResult.Done(await context.TableAsync(select));
        }
        finally
        {
            File.Delete(spool);
        }
    }

    private sealed record Plan(Uri Url, HttpMethod Method, Dictionary<string, string> Headers, string? Body, string RecordsPath,
        HttpPagination Pagination, int MaxPages);

    private Plan Check(DataContext context)
    {
        var url = HttpCall.CheckUrl(context.Get(Url));
        var method = HttpCall.CheckMethod(context.Get(Method), Methods);
        var pagination = context.Get(Pagination);
        if (!Enum.IsDefined(pagination)) throw new DataStepException($"pagination: unknown mode '{pagination}'; use none, page, offset or cursor");
        if (context.Get(MaxPages) < 1) throw new DataStepException("maxPages: give at least 1");
        if (pagination == HttpPagination.Offset && context.Get(PageSize) < 1) throw new DataStepException("pageSize: give at least 1");
        if (pagination == HttpPagination.Cursor && string.IsNullOrWhiteSpace(context.Get(CursorPath)))
            throw new DataStepException("cursorPath: cursor pagination needs where the next cursor is in the answer");
        var body = context.Get(Body) switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            var node => node.ToJsonString()
        };
        return new Plan(url, method, context.Get(Headers), method == HttpMethod.Post ? body ?? "{}" : null, context.Get(RecordsPath), pagination, context.Get(MaxPages));
    }

    private async Task<(long Records, int Pages)> ReadPagesAsync(DataContext context, Plan plan, StreamWriter writer)
    {
        long records = 0;
        string? cursor = null;
        for (var page = 0; ; page++)
        {
            if (page == plan.MaxPages)
            {
                context.Log($"stopped after maxPages ({plan.MaxPages}) requests; the API may have more records", "Warning");
                return (records, page);
            }
            var url = PageUrl(context, plan, page, cursor);
            using var request = HttpCall.Request(plan.Method, url, plan.Headers, plan.Body);
            var text = await HttpCall.SendAsync(request, $"page {page + 1}", (m, s, e) => new HttpReadException(m, s, page + 1, e), context.CancellationToken);
            var answer = Parse(text, page + 1);
            var items = Records(answer, plan.RecordsPath, page + 1);
            foreach (var item in items)
                await writer.WriteLineAsync(item is JsonObject ? item.ToJsonString() : new JsonObject { ["value"] = item?.DeepClone() }.ToJsonString());
            records += items.Count;

            if (context.PreviewRows is { } limit && records >= limit) return (records, page + 1);
            var more = plan.Pagination switch
            {
                HttpPagination.Page => items.Count > 0,
                HttpPagination.Offset => items.Count >= context.Get(PageSize),
                HttpPagination.Cursor => items.Count > 0 && (cursor = CursorOf(JsonPath.Find(answer, context.Get(CursorPath)))) is not null,
                _ => false
            };
            if (!more) return (records, page + 1);
        }
    }

    private Uri PageUrl(DataContext context, Plan plan, int page, string? cursor) => plan.Pagination switch
    {
        HttpPagination.Page => QueryString.With(plan.Url, (context.Get(PageParam), (context.Get(StartPage) + page).ToString(CultureInfo.InvariantCulture))),
        HttpPagination.Offset => QueryString.With(plan.Url,
            (context.Get(OffsetParam), ((long)page * context.Get(PageSize)).ToString(CultureInfo.InvariantCulture)),
            (context.Get(LimitParam), context.Get(PageSize).ToString(CultureInfo.InvariantCulture))),
        HttpPagination.Cursor when cursor is not null => QueryString.With(plan.Url, (context.Get(CursorParam), cursor)),
        _ => plan.Url
    };

    private static JsonNode? Parse(string text, int page)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new DataStepException($"page {page}: the answer is not JSON ({e.Message})");
        }
    }

    private static List<JsonNode?> Records(JsonNode? answer, string path, int page) => JsonPath.Find(answer, path) switch
    {
        JsonArray array => array.ToList(),
        JsonObject one when path.Length > 0 || answer is JsonObject => [one],
        null when path.Length > 0 => throw new DataStepException($"recordsPath: page {page} has nothing at '{path}'"),
        var other => throw new DataStepException($"recordsPath: page {page} has {other?.GetValueKind().ToString().ToLowerInvariant() ?? "null"} at '{(path.Length == 0 ? "the top" : path)}', not an array of records")
    };

    private static string? CursorOf(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0 ? null : s,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => null
    };
}
