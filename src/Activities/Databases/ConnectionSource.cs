using ElsaFlow.Activities.Connections;
using ElsaFlow.Activities.Data;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaFlow.Activities.Databases;

/// <summary>
/// Where a database step connects: a named connection (looked up in <see cref="IConnectionCatalog"/>, its kind checked)
/// or a connection string. <see cref="Label"/> names it in messages without its secret; <see cref="Field"/> is the input
/// an error is about.
/// </summary>
internal sealed record ConnectionSource(string ConnectionString, string Field, string Label)
{
    public const string ConnectionField = "connection";
    public const string ConnectionStringField = "connectionString";

    public static async Task<ConnectionSource> ResolveAsync(DataContext context, string? name, string? connectionString, DatabaseDialect dialect)
    {
        var activity = context.Activity.ActivityType;
        var hasName = !string.IsNullOrWhiteSpace(name);
        var hasString = !string.IsNullOrWhiteSpace(connectionString);
        if (hasName == hasString)
            throw new DataStepException($"{ConnectionField}: {activity} needs either connection (a named connection) or connectionString, not both and not neither");
        if (hasString) return new ConnectionSource(connectionString!, ConnectionStringField, $"the {dialect.Product} server of its connectionString");

        var catalog = context.Activity.Services.GetRequiredService<IConnectionCatalog>();
        var found = await catalog.FindAsync(name!.Trim(), context.CancellationToken)
            ?? throw new DataStepException($"{ConnectionField}: {activity} found no connection named '{name}'; define it, or give a connectionString");
        if (!dialect.Kinds.Contains(found.Kind.ToLowerInvariant()))
            throw new DataStepException($"{ConnectionField}: connection '{found.Name}' is of kind '{found.Kind}'; {activity} needs one of kind {string.Join(" or ", dialect.Kinds)}");
        return new ConnectionSource(found.ConnectionString, ConnectionField, $"connection '{found.Name}'");
    }
}
