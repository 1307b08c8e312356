using System.CommandLine;
using ElsaFlow.Cli.Hosting;

namespace ElsaFlow.Cli.Commands;

/// <summary>The root command: global options and every subcommand.</summary>
public static class ElsaFlowCommand
{
    public static RootCommand Create() => new("elsaflow: run, resume and inspect durable data workflows")
    {
        GlobalOptions.Store,
        GlobalOptions.Plugins,
        GlobalOptions.MaxActivities,
        GlobalOptions.Connections,
        GlobalOptions.MemoryLimit,
        RunCommand.Create(),
        ResumeCommand.Create(),
        CancelCommand.Create(),
        InstancesCommand.Create(),
        JournalCommand.Create(),
        PreviewCommand.Create(),
        ValidateCommand.Create(),
        ImportCommand.Create(),
        ExportCommand.Create(),
        ActivitiesCommand.Create(),
        ConnectionsCommand.Create(),
        ServeCommand.Create(),
        WorkerCommand.Create(),
        HealthCommand.Create(),
        SubmitCommand.Create()
    };
}
