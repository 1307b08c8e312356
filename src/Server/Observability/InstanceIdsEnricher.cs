using Serilog.Core;
using Serilog.Events;

namespace ElsaFlow.Server.Observability;

/// <summary>Adds "Ids" = " (instance X, activity Y)" when the event carries InstanceId/ActivityId, else an empty text, for the output template.</summary>
public sealed class InstanceIdsEnricher : ILogEventEnricher
{
    public const string PropertyName = "Ids";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var instance = Text(logEvent, "InstanceId");
        var activity = Text(logEvent, "ActivityId");
        var ids = (instance, activity) switch
        {
            (null, null) => "",
            (_, null) => $" (instance {instance})",
            (null, _) => $" (activity {activity})",
            _ => $" (instance {instance}, activity {activity})"
        };
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty(PropertyName, ids));
    }

    private static string? Text(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: { } scalar } ? scalar.ToString() : null;
}
