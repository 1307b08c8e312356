using System.CommandLine;
using System.Globalization;
using ElsaFlow.Engine.Loading;

namespace ElsaFlow.Cli.Hosting;

/// <summary>Where the store and plugins are, how long a lease lasts and how many activities a flow may have, from the options and the environment.</summary>
public sealed record CliSettings(string StoreFolder, string? PluginsFolder, TimeSpan LeaseDuration, int MaxActivities = FlowLimits.DefaultMaxActivities,
    string? ConnectionsPath = null, string MemoryLimit = "")
{
    public const string PluginsVariable = "ELSAFLOW_PLUGINS";
    public const string LeaseVariable = "ELSAFLOW_LEASE";

    public string DatabasePath => Path.Combine(StoreFolder, "elsaflow.db");

    /// <summary>Where named connections are read from when --connections names no file: beside the store.</summary>
    public string DefaultConnectionsPath => Path.Combine(StoreFolder, ElsaFlow.Cli.Connections.ConnectionsFile.FileName);

    public static CliSettings From(ParseResult parse) => new(
        Path.GetFullPath(parse.GetValue(GlobalOptions.Store) ?? ".elsaflow"),
        PluginsFolderFrom(parse.GetValue(GlobalOptions.Plugins)),
        LeaseFrom(Environment.GetEnvironmentVariable(LeaseVariable)),
        MaxActivitiesFrom(parse.GetValue(GlobalOptions.MaxActivities)),
        parse.GetValue(GlobalOptions.Connections),
        MemoryLimitFrom(parse.GetValue(GlobalOptions.MemoryLimit)));

    private static string MemoryLimitFrom(string? option)
    {
        try
        {
            return ElsaFlow.Data.Workspace.MemoryLimit.Parse(option, "--memory-limit") ?? "";
        }
        catch (ArgumentException e)
        {
            throw CliException.Invalid(e.Message);
        }
    }

    private static int MaxActivitiesFrom(int? option) => option switch
    {
        null => FlowLimits.DefaultMaxActivities,
        > 0 => option.Value,
        _ => throw CliException.Invalid($"--max-activities {option} is not a positive number")
    };

    private static string? PluginsFolderFrom(string? option)
    {
        var folder = option ?? Environment.GetEnvironmentVariable(PluginsVariable);
        if (!string.IsNullOrEmpty(folder))
            return Directory.Exists(folder) ? Path.GetFullPath(folder) : throw CliException.Invalid($"plugins folder '{folder}' does not exist");
        return Directory.Exists("plugins") ? Path.GetFullPath("plugins") : null;
    }

    /// <summary>Tests shorten the lease so a takeover after a killed process is quick; the format is exact, as in flows.</summary>
    private static TimeSpan LeaseFrom(string? value)
    {
        if (string.IsNullOrEmpty(value)) return TimeSpan.FromSeconds(30);
        if (TimeSpan.TryParseExact(value, "c", CultureInfo.InvariantCulture, out var lease) && lease > TimeSpan.Zero) return lease;
        throw CliException.Invalid($"{LeaseVariable}='{value}' is not a duration like 00:00:30");
    }
}
