using ElsaFlow.Data.Paths;
using ElsaFlow.Engine.Runtime;

namespace ElsaFlow.Activities.Data;

/// <summary>
/// SubFlow and DispatchFlow load flow files from the data roots, or from the folder of the parent's own file (a flow
/// run from a file keeps its sub-flows beside it), with links followed, and never from the state folder.
/// </summary>
internal sealed class FlowFilesInDataRoots(DataRoots roots) : IFlowFilePolicy
{
    public string Check(string path, string? parentFolder)
    {
        var allowed = parentFolder is null ? roots : new DataRoots([.. roots.Roots, parentFolder], roots.Excluded);
        try { return allowed.Resolve(path, "definition"); }
        catch (DataPathException e) { throw new UnauthorizedAccessException(e.Reason, e); }
    }
}
