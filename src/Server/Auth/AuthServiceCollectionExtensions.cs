using Microsoft.AspNetCore.Authentication;

namespace ElsaFlow.Server.Auth;

/// <summary>API-key authentication with the read/write/admin policies.</summary>
public static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Read, p => p.RequireRole(Roles(ApiRole.Viewer, ApiRole.Operator, ApiRole.Admin)))
            .AddPolicy(ApiPolicies.Write, p => p.RequireRole(Roles(ApiRole.Operator, ApiRole.Admin)))
            .AddPolicy(ApiPolicies.Admin, p => p.RequireRole(Roles(ApiRole.Admin)));
        return services;
    }

    private static string[] Roles(params ApiRole[] roles) => roles.Select(ApiPolicies.RoleName).ToArray();
}
