namespace ElsaFlow.Data.Workspace;

/// <summary>
/// Recognises the DuckDB errors that are about the machine rather than the flow: out of memory (a query that cannot
/// spill, or a cap too low) and out of disk (the spill folder, the workspace file or an output). Both leave the
/// instance as it was at its last commit, so it can be retried once there is room.
/// </summary>
public static class DataFailure
{
    /// <summary>The explanation to show for such an error, or null when it is another one.</summary>
    public static string? Explain(Exception error, string? memoryLimit)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            var message = e.Message;
            if (message.Contains("Out of Memory Error", StringComparison.OrdinalIgnoreCase))
                return $"out of memory ({FirstLine(message)}); the memory limit is {memoryLimit ?? "DuckDB's default, 80% of the machine's memory"} " +
                       $"({MemoryLimit.Setting}, --memory-limit on the CLI): raise it, or free memory, then retry the instance";
            if (message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase) || message.Contains("disk is full", StringComparison.OrdinalIgnoreCase))
                return $"out of disk space ({FirstLine(message)}); DuckDB writes the workspace and its spill files in the state folder " +
                       "and the outputs in the data roots: free space there, then retry the instance";
        }
        return null;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
