using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ElsaFlow.Server.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Server.Tests.Auth;

/// <summary>
/// Every route of the app (read from its EndpointDataSource, so a new route is covered the day it is added) for every
/// role: anonymous, viewer, operator, admin. A role the route does not allow gets 401 (no key) or 403 (a key of too
/// small a role); an allowed role gets past authorization (any other status). A route missing from
/// <see cref="Expected"/> fails the test until its expectation is written down here, next to the README's role table.
/// </summary>
[Trait("Suite", "Security")]
public sealed partial class RoleMatrixTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    /// <summary>Who may call a route.</summary>
    public enum Access
    {
        /// <summary>No key needed: health, metrics, the API document, the Studio's files, HTTP triggers (which check per flow).</summary>
        Open,
        /// <summary>Any key (viewer, operator, admin).</summary>
        Read,
        /// <summary>Operator or admin.</summary>
        Write,
        /// <summary>Admin only.</summary>
        Admin
    }

    /// <summary>"METHOD route pattern" -> who may call it, as src/Server/README.md says.</summary>
    private static readonly Dictionary<string, Access> Expected = new()
    {
        ["GET /"] = Access.Open,
        ["GET /health"] = Access.Open,
        ["GET /metrics"] = Access.Open,
        ["GET /api/openapi/{documentName}.json"] = Access.Open,
        ["GET /api/docs/{documentName?}"] = Access.Open,
        ["GET /api/docs/scalar.js"] = Access.Open,
        ["GET /api/docs/scalar.aspnetcore.js"] = Access.Open,
        ["GET /api/docs/favicon.svg"] = Access.Open,
        ["GET /studio/{*path:nonfile}"] = Access.Open,
        ["* /workflows/{**path}"] = Access.Open,

        ["GET /api/me"] = Access.Read,
        ["GET /api/activities/"] = Access.Read,
        ["GET /api/workflows/"] = Access.Read,
        ["GET /api/workflows/{definitionId}"] = Access.Read,
        ["GET /api/workflows/files/"] = Access.Read,
        ["GET /api/workflows/{definitionId}/versions"] = Access.Read,
        ["GET /api/workflows/{definitionId}/versions/{version:int}"] = Access.Read,
        ["POST /api/workflows/validate"] = Access.Read,
        ["GET /api/instances/"] = Access.Read,
        ["GET /api/instances/{instanceId}"] = Access.Read,
        ["GET /api/instances/{instanceId}/journal"] = Access.Read,
        ["GET /api/instances/{instanceId}/logs"] = Access.Read,
        ["GET /api/instances/{instanceId}/activities/{activityId}/preview"] = Access.Read,
        ["GET /api/instances/{instanceId}/activities/{activityId}/download"] = Access.Read,
        ["GET /api/instances/{instanceId}/files"] = Access.Read,
        ["GET /api/instances/{instanceId}/files/{name}"] = Access.Read,
        ["GET /api/schedules/"] = Access.Read,
        ["GET /api/workers/"] = Access.Read,
        ["GET /api/connections/"] = Access.Read,
        ["GET /api/connections/{name}"] = Access.Read,
        ["* /hubs/instances"] = Access.Read,
        ["* /hubs/instances/negotiate"] = Access.Read,

        ["POST /api/workflows/"] = Access.Write,
        ["PUT /api/workflows/{definitionId}"] = Access.Write,
        ["DELETE /api/workflows/{definitionId}"] = Access.Write,
        ["POST /api/workflows/{definitionId}/publish"] = Access.Write,
        ["POST /api/workflows/{definitionId}/unpublish"] = Access.Write,
        ["POST /api/workflows/{definitionId}/versions/{version:int}/restore"] = Access.Write,
        ["POST /api/workflows/import"] = Access.Write,
        ["GET /api/workflows/{definitionId}/export"] = Access.Write,
        ["POST /api/workflows/{definitionId}/execute"] = Access.Write,
        ["POST /api/workflows/{definitionId}/dispatch"] = Access.Write,
        ["POST /api/workflows/{definitionId}/preview/{activityId}"] = Access.Write,
        ["POST /api/workflows/{definitionId}/draft/preview/{activityId}"] = Access.Write,
        ["POST /api/instances/{instanceId}/resume"] = Access.Write,
        ["POST /api/instances/{instanceId}/cancel"] = Access.Write,
        ["POST /api/instances/{instanceId}/retry"] = Access.Write,
        ["DELETE /api/instances/{instanceId}"] = Access.Write,
        ["POST /api/events/{name}"] = Access.Write,
        ["POST /api/connections/"] = Access.Write,
        ["PUT /api/connections/{name}"] = Access.Write,
        ["DELETE /api/connections/{name}"] = Access.Write,
        ["POST /api/connections/{name}/test"] = Access.Write,

        ["GET /api/keys/"] = Access.Admin,
        ["POST /api/keys/"] = Access.Admin,
        ["DELETE /api/keys/{id}"] = Access.Admin,
    };

    [Fact]
    public void RouteTable_EveryRouteHasAnExpectation()
    {
        var routes = Routes().Select(r => r.Key).ToList();

        var unexpected = routes.Where(r => !Expected.ContainsKey(r)).ToList();
        var gone = Expected.Keys.Where(k => !routes.Contains(k)).ToList();

        Assert.True(unexpected.Count == 0, "routes with no expectation (add them to Expected): " + string.Join("; ", unexpected));
        Assert.True(gone.Count == 0, "expectations of routes that are gone: " + string.Join("; ", gone));
    }

    [Fact]
    public async Task EveryRoute_EveryRole_AllowedOr401Or403AsExpected()
    {
        var clients = new (string Role, HttpClient Client, Access Has)[]
        {
            ("anonymous", server.Anonymous, Access.Open), ("viewer", server.Viewer, Access.Read),
            ("operator", server.Operator, Access.Write), ("admin", server.Admin, Access.Admin)
        };
        var wrong = new List<string>();
        foreach (var route in Routes().Where(r => Expected.ContainsKey(r.Key)))
        {
            var needs = Expected[route.Key];
            foreach (var (role, client, has) in clients)
            {
                var status = await SendAsync(client, route.Method, route.Path);
                var expected = has >= needs ? "allowed" : role == "anonymous" ? "401" : "403";
                var actual = status switch { HttpStatusCode.Unauthorized => "401", HttpStatusCode.Forbidden => "403", _ => "allowed" };
                if (actual != expected) wrong.Add($"{route.Key} as {role}: expected {expected}, got {(int)status}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    /// <summary>Every route: "METHOD pattern" ("*" when it takes any method), one method to call it with, and a path with its parameters filled in.</summary>
    private List<(string Key, string Method, string Path)> Routes()
    {
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var routes = new List<(string, string, string)>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            var path = Parameter().Replace(pattern, m => m.Groups["int"].Success ? "1" : "role-matrix");
            if (methods is null or { Count: 0 } || methods.Count > 2) routes.Add(($"* {pattern}", "GET", path));
            else routes.AddRange(methods.Where(m => m != "HEAD").Select(m => ($"{m} {pattern}", m, path)));
        }
        return routes.Distinct().ToList();
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT") request.Content = JsonContent.Create(new JsonObject());
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [GeneratedRegex(@"\{\*{0,2}[A-Za-z]+(?<int>:int)?[^}]*\}")]
    private static partial Regex Parameter();
}
