using System.Data.Common;
using System.Net;

using System.Text;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// Queries and inserts through ClickHouse's HTTP interface: the statement in the POST body (or the URL, when the body
/// carries rows), credentials in the X-ClickHouse-User/Key headers (never in the URL), parameters as param_NAME.
/// A reply other than 200 is the server's error text.
/// </summary>
internal sealed class ClickHouseHttp(ClickHouseHttp.Settings settings) : IDisposable
{
    private readonly HttpClient _client = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The parts of a ClickHouse connection string: Host, Port (8123), Username (default), Password, Database, Protocol (http).</summary>
    public sealed record Settings(Uri Endpoint, string User, string Password, string? Database)
    {
        public static Settings Parse(string connectionString)
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            string? Get(params string[] keys) => keys.Select(k => builder.TryGetValue(k, out var v) ? Convert.ToString(v) : null).FirstOrDefault(v => !string.IsNullOrEmpty(v));
            var protocol = Get("Protocol", "Scheme") ?? "http";
            var host = Get("Host", "Server") ?? "localhost";
            var port = Get("Port") ?? (protocol == "https" ? "8443" : "8123");
            return new Settings(new Uri($"{protocol}://{host}:{port}/"), Get("Username", "User", "User ID") ?? "default", Get("Password") ?? "", Get("Database"));
        }
    }

    /// <summary>Runs a statement whose answer is read as a stream; the caller disposes the response.</summary>
    public async Task<HttpResponseMessage> QueryAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken ct)
    {
        var request = Request(Url(parameters, query: null));
        request.Content = new StringContent(sql, Encoding.UTF8);
        return await SendAsync(request, ct);
    }

    /// <summary>Sends rows as the body of an INSERT written in the URL.</summary>
    public async Task InsertAsync(string insert, byte[] rows, CancellationToken ct)
    {
        var request = Request(Url([], insert));
        request.Content = new ByteArrayContent(rows);
        using var _ = await SendAsync(request, ct);
    }

    public async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        using var _ = await QueryAsync(sql, [], ct);
    }

    public async Task<string> ScalarAsync(string sql, CancellationToken ct)
    {
        using var response = await QueryAsync(sql, [], ct);
        return (await response.Content.ReadAsStringAsync(ct)).Trim();
    }

    private HttpRequestMessage Request(Uri url)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add("X-ClickHouse-User", settings.User);
        request.Headers.Add("X-ClickHouse-Key", settings.Password);
        return request;
    }

    private Uri Url(IReadOnlyList<object?> parameters, string? query)
    {
        var parts = new List<string>();
        if (settings.Database is { } database) parts.Add("database=" + Uri.EscapeDataString(database));
        if (query is not null) parts.Add("query=" + Uri.EscapeDataString(query));
        for (var i = 0; i < parameters.Count; i++) parts.Add($"param_p{i}=" + Uri.EscapeDataString(ClickHouseDialect.ParameterText(parameters[i])));
        return new Uri(settings.Endpoint, parts.Count == 0 ? "" : "?" + string.Join("&", parts));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.StatusCode == HttpStatusCode.OK) return response;
            using (response)
            {
                var text = (await response.Content.ReadAsStringAsync(ct)).Trim();
                throw new IOException($"ClickHouse answered {(int)response.StatusCode}: {(text.Length > 400 ? text[..400] + "..." : text)}");
            }
        }
    }

    public void Dispose() => _client.Dispose();

}
