using System.Text;
using ElsaFlow.Activities.Data;
using ElsaFlow.Activities.Outputs;
using ElsaFlow.Data;
using ElsaFlow.Data.Sql;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Http;

/// <summary>
/// Sends the rows of a dataset to an HTTP endpoint as JSON arrays of at most batchSize row objects. A 5xx (or 408/429)
/// answer, a refused connection or a timeout throws <see cref="HttpWriteException"/> so that the `retry` behaviour re-runs
/// the writer; the batches already delivered by this execution are remembered in the workspace and not sent again.
/// Each request carries an Idempotency-Key header (execution id and batch number) for receivers that deduplicate.
/// Other 4xx answers fail the step with an excerpt of the answer.
/// </summary>
[Activity(Category = "Http", Description = "Send the dataset's rows as JSON batches to an HTTP endpoint")]
public sealed class HttpWriter : OutputActivity
{
    private static readonly string[] Methods = ["POST", "PUT", "PATCH"];

    [Input(Description = "Absolute http(s) URL to send the batches to", Required = true)]
    public Input<string> Url { get; init; } = new("");

    [Input(Description = "POST, PUT or PATCH", Options = ["POST", "PUT", "PATCH"])]
    public Input<string> Method { get; init; } = new("POST");

    [Input(Description = "Request headers (Authorization, API keys...)", Sensitive = true)]
    public Input<Dictionary<string, string>> Headers { get; init; } = new([]);

    [Input(Description = "Rows per request")]
    public Input<int> BatchSize { get; init; } = new(500);

    protected override async Task WriteAsync(DataContext context, Dataset input)
    {
        var url = HttpCall.CheckUrl(context.Get(Url));
        var method = HttpCall.CheckMethod(context.Get(Method), Methods);
        var size = context.Get(BatchSize);
        if (size < 1) throw new DataStepException($"batchSize: {size} is too small; give at least 1 row per request");
        var headers = context.Get(Headers);
        var delivered = await DeliveredBatchesAsync(context);

        var batch = new List<string>(size);
        var number = 0;
        long rows = 0;
        var skipped = 0;
        async Task FlushAsync()
        {
            number++;
            rows += batch.Count;
            if (delivered.Contains(number)) skipped++;
            else await SendAsync(context, method, url, headers, number, "[" + string.Join(",", batch) + "]");
            batch.Clear();
        }

        await foreach (var row in OutputRows.QueryAsync(context, $"SELECT CAST(to_json(r) AS VARCHAR) FROM {DataContext.From(input)} AS r"))
        {
            batch.Add((string)row[0]!);
            if (batch.Count == size) await FlushAsync();
        }
        if (batch.Count > 0) await FlushAsync();
        var again = skipped > 0 ? $" ({skipped} delivered by an earlier attempt not sent again)" : "";
        context.Log($"sent {rows} rows in {number} batches to {method} {url.GetLeftPart(UriPartial.Path)}{again}");
    }

    private static async Task SendAsync(DataContext context, HttpMethod method, Uri url, Dictionary<string, string> headers, int number, string json)
    {
        using var request = HttpCall.Request(method, url, headers, json);
        if (!headers.Keys.Any(k => k.Equals("Idempotency-Key", StringComparison.OrdinalIgnoreCase)))
            request.Headers.TryAddWithoutValidation("Idempotency-Key", $"{context.Activity.ExecutionId}-{number}");
        await HttpCall.SendAsync(request, $"batch {number}", (m, s, e) => new HttpWriteException(m, s, number, e), context.CancellationToken);
        await context.Workspace.ExecuteAsync($"INSERT INTO {Progress(context)} VALUES ({number})", context.CancellationToken);
    }

    /// <summary>Batches this execution delivered on an earlier attempt (kept in a small workspace table).</summary>
    private static async Task<HashSet<int>> DeliveredBatchesAsync(DataContext context)
    {
        await context.Workspace.ExecuteAsync($"CREATE TABLE IF NOT EXISTS {Progress(context)} (batch INTEGER)", context.CancellationToken);
        var rows = await context.Workspace.QueryAsync($"SELECT batch FROM {Progress(context)}", context.CancellationToken);
        return rows.Select(r => (int)r["batch"]!.GetValue<long>()).ToHashSet();
    }

    private static string Progress(DataContext context) => SqlText.Identifier(context.Relation("delivered"));
}
