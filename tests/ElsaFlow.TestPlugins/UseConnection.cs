using ElsaFlow.Activities.Connections;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.TestPlugins;

/// <summary>
/// Looks a named connection up, logs and fails quoting its whole connection string, as a careless client library
/// would: the redaction tests check the password reaches neither the journal, the logs nor the error.
/// </summary>
[Activity(Type = "UseConnection", Category = "Test", Description = "Resolve a named connection and fail quoting its connection string")]
public sealed class UseConnection : CodeActivity
{
    [Input(Description = "The connection's name", Required = true)]
    public Input<string> Connection { get; init; } = new("");

    public override async ValueTask RunAsync(ActivityContext context)
    {
        var name = context.Get(Connection);
        var catalog = (IConnectionCatalog)context.Services.GetService(typeof(IConnectionCatalog))!;
        var connection = await catalog.FindAsync(name, context.CancellationToken)
            ?? throw new ConnectionFailedException($"UseConnection: no connection named '{name}'");
        context.Log($"connecting with {connection.ConnectionString}");
        throw new ConnectionFailedException($"UseConnection could not open '{connection.Name}' with {connection.ConnectionString}");
    }
}
