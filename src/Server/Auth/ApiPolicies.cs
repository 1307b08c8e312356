namespace ElsaFlow.Server.Auth;

/// <summary>Authorization policies of the API: reading needs any role, writing operator or admin, key management admin.</summary>
public static class ApiPolicies
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Admin = "admin";

    public static string RoleName(ApiRole role) => role.ToString().ToLowerInvariant();
}
