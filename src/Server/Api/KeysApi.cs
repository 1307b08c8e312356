using ElsaFlow.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>API keys (admin only): list them (never their secrets), create one (its secret is answered once), delete one.</summary>
public static class KeysApi
{
    public static RouteGroupBuilder MapKeysApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/keys").WithTags("Keys").RequireAuthorization(ApiPolicies.Admin);
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapDelete("/{id}", Delete);
        return group;
    }

    public static async Task<Ok<List<ApiKeyInfo>>> List(IApiKeyStore keys, CancellationToken ct) =>
        TypedResults.Ok((await keys.ListAsync(ct)).Select(ApiKeyInfo.From).ToList());

    public static async Task<Results<Created<NewApiKey>, ProblemHttpResult>> Create(IApiKeyStore keys, CreateApiKey request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name)) return ApiProblems.BadRequest("Give the key a name");
        var created = await keys.CreateAsync(request.Name.Trim(), request.Role, ct);
        return TypedResults.Created($"/api/keys/{created.Key.Id}", new NewApiKey(ApiKeyInfo.From(created.Key), created.Secret));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(IApiKeyStore keys, string id, CancellationToken ct) =>
        await keys.DeleteAsync(id, ct) ? TypedResults.NoContent() : ApiProblems.NotFound($"No API key '{id}'");
}

public sealed record CreateApiKey(string Name, ApiRole Role);

public sealed record ApiKeyInfo(string Id, string Name, ApiRole Role, DateTimeOffset CreatedAt)
{
    public static ApiKeyInfo From(ApiKey key) => new(key.Id, key.Name, key.Role, key.CreatedAt);
}

/// <summary>A key just created: the secret is shown here once and never again.</summary>
public sealed record NewApiKey(ApiKeyInfo Key, string Secret);
