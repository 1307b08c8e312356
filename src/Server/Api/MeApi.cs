using System.Security.Claims;
using ElsaFlow.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>Who the caller's API key is: the Studio signs in with it and shows or hides editing by role.</summary>
public static class MeApi
{
    public sealed record Me(string Id, string Name, string Role);

    public static RouteHandlerBuilder MapMeApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/me", Get).WithTags("Keys");

    public static Ok<Me> Get(ClaimsPrincipal user) => TypedResults.Ok(new Me(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        user.FindFirstValue(ClaimTypes.Name) ?? "",
        user.FindFirstValue(ClaimTypes.Role) ?? ""));
}
