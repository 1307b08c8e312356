using System.Collections.Concurrent;
using MongoDB.Driver;

namespace ElsaFlow.Persistence.Tests.MongoDb;

/// <summary>Hands out database names for one test class and drops those databases when the class is done.</summary>
public sealed class MongoTestDatabases : IDisposable
{
    private readonly string _prefix = $"elsaflow_test_{Guid.NewGuid():N}"[..24];
    private readonly ConcurrentQueue<string> _names = new();
    private int _next;

    public string NewName()
    {
        var name = $"{_prefix}_{Interlocked.Increment(ref _next)}";
        _names.Enqueue(name);
        return name;
    }

    public void Dispose()
    {
        var connectionString = Environment.GetEnvironmentVariable(MongoDbStoreContractTests.ConnectionVariable);
        if (_names.IsEmpty || string.IsNullOrWhiteSpace(connectionString))
            return;
        using var client = new MongoClient(connectionString);
        foreach (var name in _names)
            client.DropDatabase(name);
    }
}
