using ElsaFlow.Engine.Store;

namespace ElsaFlow.Cli.Hosting;

/// <summary>
/// The store queries every run ends with (release the lease, read the instance and its bookmarks) cost EF Core a
/// compile on first use, about 0.2 s, on the critical path after the last step. Asked once on the thread pool as the
/// command starts, about an instance that does not exist (nothing is read or changed), they are compiled while the
/// flow loads and runs. Errors are not the command's: the real calls report real problems.
/// </summary>
internal static class StoreWarmUp
{
    public static Task Start(IWorkflowStore store) => Task.Run(async () =>
    {
        try
        {
            await store.ReleaseLeaseAsync("", "");
            await store.GetInstanceAsync("");
            await store.ListBookmarksAsync("");
        }
        catch (Exception)
        {
            // Nothing to do: this only warms caches.
        }
    });
}
