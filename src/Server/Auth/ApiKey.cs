namespace ElsaFlow.Server.Auth;

/// <summary>A stored API key: only the SHA-256 hash of the secret is kept.</summary>
public sealed record ApiKey(string Id, string Name, ApiRole Role, string Hash, DateTimeOffset CreatedAt);

/// <summary>A key just created: <see cref="Secret"/> is shown once and never stored.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Secret);
