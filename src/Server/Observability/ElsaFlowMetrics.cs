using System.Globalization;
using System.Text;
using ElsaFlow.Engine.Store;

namespace ElsaFlow.Server.Observability;

/// <summary>
/// The counters behind /metrics, written in the Prometheus text format by hand (no Prometheus package needed):
/// status transitions and a histogram of activity durations by activity type. Thread safe; updates are a lock and an add.
/// </summary>
public sealed class ElsaFlowMetrics
{
    /// <summary>Upper bounds in seconds of the duration buckets (+Inf is implied).</summary>
    public static readonly double[] Buckets = [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300];

    private readonly Lock _gate = new();
    private readonly Dictionary<WorkflowStatus, long> _transitions = Enum.GetValues<WorkflowStatus>().ToDictionary(s => s, _ => 0L);
    private readonly Dictionary<(string Type, string Outcome), Histogram> _durations = [];

    public void StatusChanged(WorkflowStatus status)
    {
        lock (_gate) _transitions[status]++;
    }

    public void Journal(JournalEntry entry)
    {
        if (entry is not { Kind: JournalKind.ActivityCompleted or JournalKind.ActivityFaulted, Duration: { } duration }) return;
        var key = (entry.ActivityType ?? "unknown", entry.Kind == JournalKind.ActivityCompleted ? "completed" : "faulted");
        lock (_gate)
        {
            if (!_durations.TryGetValue(key, out var histogram)) _durations[key] = histogram = new Histogram();
            histogram.Observe(duration.TotalSeconds);
        }
    }

    /// <summary>Appends the transition counter and the duration histogram in the text exposition format.</summary>
    public void WriteTo(StringBuilder text)
    {
        lock (_gate)
        {
            text.AppendLine("# HELP elsaflow_instance_transitions_total Instances that moved to a status since the server started.");
            text.AppendLine("# TYPE elsaflow_instance_transitions_total counter");
            foreach (var (status, count) in _transitions)
                text.Append(CultureInfo.InvariantCulture, $"elsaflow_instance_transitions_total{{status=\"{status}\"}} {count}\n");

            text.AppendLine("# HELP elsaflow_activity_duration_seconds How long activity executions took, by activity type and outcome.");
            text.AppendLine("# TYPE elsaflow_activity_duration_seconds histogram");
            foreach (var ((type, outcome), histogram) in _durations.OrderBy(d => d.Key.Type, StringComparer.Ordinal))
                histogram.WriteTo(text, $"activity_type=\"{Escape(type)}\",outcome=\"{outcome}\"");
        }
    }

    public static string Escape(string label) => label.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

    private sealed class Histogram
    {
        private readonly long[] _counts = new long[Buckets.Length];
        private long _count;
        private double _sum;

        public void Observe(double seconds)
        {
            for (var i = 0; i < Buckets.Length; i++)
                if (seconds <= Buckets[i]) _counts[i]++;
            _count++;
            _sum += seconds;
        }

        public void WriteTo(StringBuilder text, string labels)
        {
            for (var i = 0; i < Buckets.Length; i++)
                text.Append(CultureInfo.InvariantCulture, $"elsaflow_activity_duration_seconds_bucket{{{labels},le=\"{Buckets[i]}\"}} {_counts[i]}\n");
            text.Append(CultureInfo.InvariantCulture, $"elsaflow_activity_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {_count}\n");
            text.Append(CultureInfo.InvariantCulture, $"elsaflow_activity_duration_seconds_sum{{{labels}}} {_sum}\n");
            text.Append(CultureInfo.InvariantCulture, $"elsaflow_activity_duration_seconds_count{{{labels}}} {_count}\n");
        }
    }
}
