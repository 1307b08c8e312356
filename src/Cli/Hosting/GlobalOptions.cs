using System.CommandLine;

namespace ElsaFlow.Cli.Hosting;

/// <summary>Options every command accepts: where state lives and where activity plugins come from.</summary>
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
}
