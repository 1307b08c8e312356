using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ElsaFlow.Server.Tests.Support;

/// <summary>Reads answers and checks their status with the body in the failure message.</summary>
public static class HttpAssert
{
    public static async Task<JsonNode> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body.Length == 0 ? "null" : body) ?? new JsonObject();
    }

    /// <summary>A problem+json answer with this status; returns the problem document.</summary>
    public static async Task<JsonObject> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        return problem;
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, JsonNode? body) =>
        client.PostAsJsonAsync(url, body);
}
