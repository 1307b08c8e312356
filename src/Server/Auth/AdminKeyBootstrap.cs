namespace ElsaFlow.Server.Auth;

/// <summary>
/// Makes sure an admin can get in: the keys of an old api-keys.json are imported first (<see cref="ApiKeyFileImport"/>);
/// then the key in ELSAFLOW_ADMIN_KEY becomes an admin key; without it, the first start creates an admin key and prints
/// it once (only its hash is kept).
/// </summary>
internal sealed class AdminKeyBootstrap(IApiKeyStore keys, ApiKeyFileImport import, IConfiguration configuration) : IHostedService
{
    public const string EnvironmentVariable = "ELSAFLOW_ADMIN_KEY";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await import.ImportAsync(cancellationToken);
        if (configuration[EnvironmentVariable] is { Length: > 0 } given)
        {
            await keys.EnsureAsync("admin (" + EnvironmentVariable + ")", given, ApiRole.Admin, cancellationToken);
            return;
        }
        if ((await keys.ListAsync(cancellationToken)).Count > 0) return;
        var created = await keys.CreateAsync("first admin", ApiRole.Admin, cancellationToken);
        Console.WriteLine($"Created the first admin API key (shown once, keep it): {created.Secret}");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
