using ElsaFlow.Engine.Store;
using ElsaFlow.Persistence.EntityFramework;
using ElsaFlow.Persistence.EntityFramework.Entities;

namespace ElsaFlow.Persistence.Tests.EntityFramework;

/// <summary>
/// Two writers insert the same new instance: the first holds its uncommitted row while the second commit checks (sees
/// nothing), inserts (waits on the key) and fails with a duplicate key once the first commits. On PostgreSQL that
/// failure aborts the second transaction, so the conflict must be detected outside it.
/// </summary>
internal static class RacingInsert
{
    public static async Task<Exception?> SecondInsertOfSameIdAsync(EfWorkflowStore store)
    {
        await using var first = store.CreateContext();
        await using var transaction = await first.Database.BeginTransactionAsync();
        first.Instances.Add(new InstanceEntity { Id = "race", DefinitionId = "flow", DefinitionVersion = 1, StateJson = "{}", Revision = 1 });
        await first.SaveChangesAsync();

        var second = store.CommitAsync(new InstanceCommit
        {
            Instance = new InstanceRecord { Id = "race", DefinitionId = "flow", DefinitionVersion = 1, StateJson = "{\"second\":true}" },
            ExpectedRevision = 0,
            Journal = [new JournalEntry { InstanceId = "race", Sequence = 1, Kind = JournalKind.WorkflowStarted, Timestamp = DateTimeOffset.UnixEpoch }],
        });
        await Task.Delay(TimeSpan.FromSeconds(1));
        await transaction.CommitAsync();

        return await Record.ExceptionAsync(() => second);
    }
}
