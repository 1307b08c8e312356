using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace ElsaFlow.Server.Tests.Support;

/// <summary>A Serilog sink that keeps every event; the server adds sinks registered in DI.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => _events.ToArray();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>Each event as its rendered message followed by every property, so a secret cannot hide in either.</summary>
    public IReadOnlyList<string> Lines => Events
        .Select(e => e.RenderMessage() + " | " + string.Join(", ", e.Properties.Select(p => $"{p.Key}={p.Value}")))
        .ToList();

    public async Task<LogEvent> WaitForAsync(Func<LogEvent, bool> match, string what)
    {
        for (var i = 0; i < 100; i++)
        {
            if (Events.FirstOrDefault(match) is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"no log event {what} in:{Environment.NewLine}{string.Join(Environment.NewLine, Lines)}");
    }
}
