using System.Security.Claims;
using System.Text.Encodings.Web;
using ElsaFlow.Server.Live;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ElsaFlow.Server.Auth;

/// <summary>Authenticates the X-Api-Key header against the key store; answers 401/403 as problem+json.</summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>Browsers cannot set headers on a WebSocket: the SignalR hub alone also takes the key from ?access_token= (request logging redacts it).</summary>
    public const string QueryName = "access_token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = Request.Headers[HeaderName].ToString();
        if (string.IsNullOrWhiteSpace(secret) && Request.Path.StartsWithSegments(InstancesHub.Route)) secret = Request.Query[QueryName].ToString();
        if (string.IsNullOrWhiteSpace(secret)) return AuthenticateResult.NoResult();
        var key = await keys.FindAsync(secret, Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("Unknown API key");
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, key.Id), new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, ApiPolicies.RoleName(key.Role))],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: $"Send a valid API key in the {HeaderName} header").ExecuteAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: "This API key's role may not do this (viewer keys only read)").ExecuteAsync(Context);
}
