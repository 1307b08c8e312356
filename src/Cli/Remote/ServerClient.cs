using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Cli.Remote;

/// <summary>The few calls <c>submit</c> makes to a remote server's REST API; a refused call becomes a <see cref="RemoteProblem"/>.</summary>
public sealed class ServerClient(Uri server, string key) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly HttpClient _http = CreateHttp(server, key);

    /// <summary>POST /api/workflows/import: the file's text as is, in the format its extension names; returns the definition id.</summary>
    public async Task<string> ImportAsync(string text, string format, CancellationToken ct)
    {
        using var content = new StringContent(text, Encoding.UTF8, "text/plain");
        var answer = await SendAsync(HttpMethod.Post, $"api/workflows/import?format={format}", content, ct);
        return answer["definitionId"]!.GetValue<string>();
    }

    public Task PublishAsync(string definitionId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"api/workflows/{Uri.EscapeDataString(definitionId)}/publish", null, ct);

    public async Task<string> DispatchAsync(string definitionId, JsonObject inputs, CancellationToken ct)
    {
        using var content = JsonContent.Create(inputs, options: Json);
        var answer = await SendAsync(HttpMethod.Post, $"api/workflows/{Uri.EscapeDataString(definitionId)}/dispatch", content, ct);
        return answer["instanceId"]!.GetValue<string>();
    }

    public async Task<JsonObject> GetInstanceAsync(string instanceId, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Get, $"api/instances/{Uri.EscapeDataString(instanceId)}", null, ct)).AsObject();

    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Get, $"api/instances/{Uri.EscapeDataString(instanceId)}/journal", null, ct)).Deserialize<List<JournalEntry>>(Json) ?? [];

    public async Task<IReadOnlyList<LogEntry>> GetLogsAsync(string instanceId, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Get, $"api/instances/{Uri.EscapeDataString(instanceId)}/logs", null, ct)).Deserialize<List<LogEntry>>(Json) ?? [];

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await _http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw RemoteProblem.From(response.StatusCode, body);
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body) ?? new JsonObject();
    }

    private static HttpClient CreateHttp(Uri server, string key)
    {
        var http = new HttpClient { BaseAddress = new Uri(server.ToString().TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(100) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }

    public void Dispose() => _http.Dispose();
}
