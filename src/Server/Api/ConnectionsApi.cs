using System.Security.Claims;
using System.Text.Json;
using ElsaFlow.Activities.Connections;
using ElsaFlow.Engine.Secrets;
using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Auth;
using ElsaFlow.Server.Connections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaFlow.Server.Api;

/// <summary>
/// Named connections: anyone reads names and kinds, operators and admins create, change, delete and test them. The
/// connection string is encrypted in the store and never answered (a redacted form is).
/// </summary>
public static class ConnectionsApi
{
    public const int MaxConnectionStringLength = 8_000;
    public const int MaxOptions = 50;
    public const int MaxOptionLength = 4_000;
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    public static RouteGroupBuilder MapConnectionsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/connections").WithTags("Connections");
        group.MapGet("/", List).WithSummary("Every named connection: names and kinds for viewers, the redacted connection string and options for operators and admins");
        group.MapGet("/{name}", Get).WithSummary("One named connection (viewers see its name and kind only; nobody sees its secret)");
        group.MapPost("/", Create).RequireAuthorization(ApiPolicies.Write).WithSummary("Creates a named connection; its connection string is encrypted at rest");
        group.MapPut("/{name}", Update).RequireAuthorization(ApiPolicies.Write).WithSummary("Changes a connection's kind, options or connection string (left out or empty: unchanged)");
        group.MapDelete("/{name}", Delete).RequireAuthorization(ApiPolicies.Write).WithSummary("Deletes a named connection");
        group.MapPost("/{name}/test", Test).RequireAuthorization(ApiPolicies.Write).WithSummary("Opens the connection and runs a trivial query: answers the server's version or why it failed");
        return group;
    }

    public static async Task<Ok<ConnectionInfo[]>> List(IConnectionRecordStore store, ConnectionProtector protector, ClaimsPrincipal user, CancellationToken ct)
    {
        var records = await store.ListConnectionsAsync(ct);
        return TypedResults.Ok(records.Select(r => Info(r, protector, user)).ToArray());
    }

    public static async Task<Results<Ok<ConnectionInfo>, ProblemHttpResult>> Get(IConnectionRecordStore store, ConnectionProtector protector, ClaimsPrincipal user,
        string name, CancellationToken ct)
    {
        if (ConnectionNames.NameProblem(name) is { } problem) return ApiProblems.BadRequest(problem);
        return await store.GetConnectionAsync(name, ct) is { } record ? TypedResults.Ok(Info(record, protector, user)) : NotFound(name);
    }

    public static async Task<Results<Created<ConnectionInfo>, ProblemHttpResult>> Create(IConnectionRecordStore store, ConnectionProtector protector,
        KnownSecrets secrets, TimeProvider time, ClaimsPrincipal user, CreateConnection request, CancellationToken ct)
    {
        var problem = ConnectionNames.NameProblem(request.Name) ?? ConnectionNames.KindProblem(request.Kind?.ToLowerInvariant())
            ?? ConnectionStringProblem(request.ConnectionString, required: true) ?? OptionsProblem(request.Options);
        if (problem is not null) return ApiProblems.BadRequest(problem);
        var now = time.GetUtcNow();
        var record = new ConnectionRecord
        {
            Name = request.Name!, Kind = request.Kind!.ToLowerInvariant(), ProtectedConnectionString = protector.Protect(request.ConnectionString!),
            OptionsJson = JsonSerializer.Serialize(request.Options ?? []), CreatedAt = now, UpdatedAt = now,
        };
        if (!await store.TryAddConnectionAsync(record, ct)) return ApiProblems.Conflict($"A connection named '{request.Name}' already exists (names ignore case)");
        secrets.Add(ConnectionStrings.Secrets(request.ConnectionString!));
        return TypedResults.Created($"/api/connections/{record.Name}", Info(record, protector, user));
    }

    public static async Task<Results<Ok<ConnectionInfo>, ProblemHttpResult>> Update(IConnectionRecordStore store, ConnectionProtector protector,
        KnownSecrets secrets, TimeProvider time, ClaimsPrincipal user, string name, UpdateConnection request, CancellationToken ct)
    {
        var problem = ConnectionNames.NameProblem(name) ?? (request.Kind is null ? null : ConnectionNames.KindProblem(request.Kind.ToLowerInvariant()))
            ?? ConnectionStringProblem(request.ConnectionString, required: false) ?? OptionsProblem(request.Options);
        if (problem is not null) return ApiProblems.BadRequest(problem);
        if (await store.GetConnectionAsync(name, ct) is not { } stored) return NotFound(name);
        var changed = stored with
        {
            Kind = request.Kind?.ToLowerInvariant() ?? stored.Kind,
            ProtectedConnectionString = string.IsNullOrEmpty(request.ConnectionString) ? stored.ProtectedConnectionString : protector.Protect(request.ConnectionString),
            OptionsJson = request.Options is null ? stored.OptionsJson : JsonSerializer.Serialize(request.Options),
            UpdatedAt = time.GetUtcNow(),
        };
        if (!await store.UpdateConnectionAsync(changed, ct)) return NotFound(name);
        if (!string.IsNullOrEmpty(request.ConnectionString)) secrets.Add(ConnectionStrings.Secrets(request.ConnectionString));
        return TypedResults.Ok(Info(changed, protector, user));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(IConnectionRecordStore store, string name, CancellationToken ct)
    {
        if (ConnectionNames.NameProblem(name) is { } problem) return ApiProblems.BadRequest(problem);
        return await store.DeleteConnectionAsync(name, ct) ? TypedResults.NoContent() : NotFound(name);
    }

    public static async Task<Results<Ok<ConnectionTestResult>, ProblemHttpResult>> Test(IConnectionRecordStore store, StoreConnectionCatalog catalog,
        IEnumerable<IConnectionProbe> probes, KnownSecrets secrets, string name, CancellationToken ct)
    {
        if (ConnectionNames.NameProblem(name) is { } problem) return ApiProblems.BadRequest(problem);
        if (await store.GetConnectionAsync(name, ct) is not { } record) return NotFound(name);
        var probe = probes.FirstOrDefault(p => p.Kinds.Contains(record.Kind, StringComparer.OrdinalIgnoreCase));
        if (probe is null)
            return ApiProblems.BadRequest($"Connection '{record.Name}' cannot be tested: no client on this server speaks kind '{record.Kind}'");
        NamedConnection connection;
        try
        {
            // Known from here on, as when an activity resolves it: what instances show is redacted through it too.
            connection = catalog.Open(record).Known(secrets)!;
        }
        catch (ConnectionSecretUnreadableException error)
        {
            return TypedResults.Ok(new ConnectionTestResult(record.Name, record.Kind, false, error.Message));
        }
        var redactor = new SecretRedactor(ConnectionStrings.Secrets(connection.ConnectionString));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TestTimeout);
        try
        {
            var version = await probe.ProbeAsync(connection, limit.Token);
            return TypedResults.Ok(new ConnectionTestResult(record.Name, record.Kind, true, redactor.Redact(version)));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return TypedResults.Ok(new ConnectionTestResult(record.Name, record.Kind, false, $"Connection '{record.Name}' did not answer within {TestTimeout.TotalSeconds:0} s"));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A probe should throw ConnectionFailedException without the secret; a client's own exception may quote it, hence the redaction.
            return TypedResults.Ok(new ConnectionTestResult(record.Name, record.Kind, false, redactor.Redact(error.Message)));
        }
    }

    private static ConnectionInfo Info(ConnectionRecord record, ConnectionProtector protector, ClaimsPrincipal user)
    {
        if (!CanWrite(user)) return new ConnectionInfo(record.Name, record.Kind, null, null, null, null);
        string redacted;
        try
        {
            redacted = ConnectionStrings.Redact(protector.Unprotect(record.Name, record.ProtectedConnectionString));
        }
        catch (ConnectionSecretUnreadableException error)
        {
            redacted = $"({error.Message})";
        }
        return new ConnectionInfo(record.Name, record.Kind, redacted, StoreConnectionCatalog.Options(record), record.CreatedAt, record.UpdatedAt);
    }

    private static bool CanWrite(ClaimsPrincipal user) =>
        user.IsInRole(ApiPolicies.RoleName(ApiRole.Operator)) || user.IsInRole(ApiPolicies.RoleName(ApiRole.Admin));

    private static string? ConnectionStringProblem(string? connectionString, bool required)
    {
        if (string.IsNullOrEmpty(connectionString)) return required ? "a connection needs a connectionString" : null;
        if (connectionString.Length > MaxConnectionStringLength) return $"a connection string has at most {MaxConnectionStringLength} characters";
        return null;
    }

    private static string? OptionsProblem(Dictionary<string, string>? options)
    {
        if (options is null) return null;
        if (options.Count > MaxOptions) return $"a connection has at most {MaxOptions} options";
        foreach (var (key, value) in options)
        {
            if (string.IsNullOrWhiteSpace(key) || key.Length > ConnectionNames.MaxNameLength) return $"option names have 1 to {ConnectionNames.MaxNameLength} characters";
            if (value is null) return $"option '{key}' needs a value (a string)";
            if (value.Length > MaxOptionLength) return $"option '{key}' has more than {MaxOptionLength} characters";
        }
        return null;
    }

    private static ProblemHttpResult NotFound(string name) => ApiProblems.NotFound($"No connection named '{name}'");
}
