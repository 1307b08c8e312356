using Serilog.Context;
using LogEntry = ElsaFlow.Engine.Store.LogEntry;

namespace ElsaFlow.Server.Observability;

/// <summary>Copies an instance's log lines into the server log, each with the InstanceId and ActivityId properties.</summary>
public sealed class InstanceLogWriter(ILoggerFactory loggers)
{
    public const string Category = "ElsaFlow.Instances";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public void Write(LogEntry entry)
    {
        var level = Enum.TryParse<LogLevel>(entry.Level, ignoreCase: true, out var parsed) ? parsed : LogLevel.Information;
        if (!_logger.IsEnabled(level)) return;
        using (LogContext.PushProperty("InstanceId", entry.InstanceId))
        using (LogContext.PushProperty("ActivityId", entry.ActivityId))
        {
            // The message is user text: pass it as a value, never as a template.
            _logger.Log(level, "{Message}", entry.Message);
        }
    }
}
