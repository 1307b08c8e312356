using System.CommandLine;

namespace ElsaFlow.Cli.Hosting;

/// <summary>Options every command accepts: where state lives, where activity plugins come from, how large a flow may be.</summary>
public static class GlobalOptions
{
    public static readonly Option<string> Store = new("--store")
    {
        Description = "Folder of the instance store (the SQLite file is DIR/elsaflow.db)",
        HelpName = "DIR",
        DefaultValueFactory = _ => ".elsaflow",
        Recursive = true
    };

    public static readonly Option<string?> Plugins = new("--plugins")
    {
        Description = "Folder of activity plugin assemblies (default: $ELSAFLOW_PLUGINS, else ./plugins when it exists)",
        HelpName = "DIR",
        Recursive = true
    };

    public static readonly Option<int?> MaxActivities = new("--max-activities")
    {
        Description = "Most activities a flow may have (default 10000); larger flows are refused before they are checked",
        HelpName = "N",
        Recursive = true
    };

    public static readonly Option<string?> Connections = new("--connections")
    {
        Description = "The named connections file (default: connections.json in the store folder, when it exists); ${VARIABLE}s in it come from the environment",
        HelpName = "FILE",
        Recursive = true
    };

    public static readonly Option<string?> MemoryLimit = new("--memory-limit")
    {
        Description = "Most memory DuckDB may use per instance (512MB, 2GB...); past it, it spills to the store folder (default: DuckDB's, 80% of RAM)",
        HelpName = "SIZE",
        Recursive = true
    };
}
