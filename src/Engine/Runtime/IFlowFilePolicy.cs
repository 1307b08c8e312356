namespace ElsaFlow.Engine.Runtime;

/// <summary>
/// Which flow files SubFlow and DispatchFlow may load: the host's data plane allows its data roots and the folder of
/// the parent's own file, never its state folder. Without a policy (the engine alone) any file may be loaded.
/// </summary>
public interface IFlowFilePolicy
{
    /// <summary>
    /// The path to read for the flow file <paramref name="path"/> (already resolved against <paramref name="parentFolder"/>,
    /// the folder of the parent's file when it came from one); throws <see cref="UnauthorizedAccessException"/> saying why
    /// when it may not be read.
    /// </summary>
    string Check(string path, string? parentFolder);
}
