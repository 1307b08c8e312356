using System.Globalization;
using System.Text;
using ElsaFlow.Engine.Store;
using ElsaFlow.Server.Admission;

namespace ElsaFlow.Server.Observability;

/// <summary>
/// GET /metrics in the Prometheus text format, without an API key (like /health): it shows counts only, never ids,
/// names or data, and scrapers rarely carry keys; keep the port off the public network if counts are sensitive.
/// </summary>
public static class MetricsApi
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static RouteHandlerBuilder MapMetricsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/metrics", Scrape).WithTags("Health").AllowAnonymous().ExcludeFromDescription();

    public static async Task<IResult> Scrape(IWorkflowStore store, ElsaFlowMetrics metrics, InstanceAdmission admission, CancellationToken ct)
    {
        var text = new StringBuilder();
        text.AppendLine("# HELP elsaflow_instances Stored instances by status.");
        text.AppendLine("# TYPE elsaflow_instances gauge");
        long running = 0;
        foreach (var status in Enum.GetValues<WorkflowStatus>())
        {
            var count = (await store.ListInstancesAsync(new InstanceQuery { Status = status, Take = 1 }, ct)).Total;
            if (status == WorkflowStatus.Running) running = count;
            text.Append(CultureInfo.InvariantCulture, $"elsaflow_instances{{status=\"{status}\"}} {count}\n");
        }
        text.AppendLine("# HELP elsaflow_queue_depth Instances the runtime is working on (status Running).");
        text.AppendLine("# TYPE elsaflow_queue_depth gauge");
        text.Append(CultureInfo.InvariantCulture, $"elsaflow_queue_depth {running}\n");
        text.AppendLine("# HELP elsaflow_queued_starts Starts waiting for a slot under ElsaFlow:MaxRunningInstances.");
        text.AppendLine("# TYPE elsaflow_queued_starts gauge");
        text.Append(CultureInfo.InvariantCulture, $"elsaflow_queued_starts {admission.QueuedStarts}\n");
        metrics.WriteTo(text);
        return TypedResults.Text(text.ToString(), ContentType);
    }
}
