using Cronos;
using ElsaFlow.Engine.ActivityModel;

namespace ElsaFlow.Activities.Scheduling;

/// <summary>
/// Trigger: the server's scheduler starts the published flow at every occurrence of the cron expression (once per
/// occurrence, whatever the number of nodes). Its token is <c>{occurrence, cron}</c>.
/// </summary>
[Activity(Category = "Triggers", Description = "Trigger: start the flow on a cron schedule; the occurrence is its output")]
public sealed class Cron : ControlActivity
{
    public const string TypeName = nameof(Cron);

    [Input(Name = "cron", Description = "Cron expression: 5 fields (minute hour day month weekday) or 6 with seconds first", Required = true)]
    public Input<string> Expression { get; init; } = new("");

    [Input(Description = "IANA or Windows time zone the expression is read in, like Europe/Paris")]
    public Input<string> TimeZone { get; init; } = new("UTC");

    [Input(Description = "Occurrences missed while no server ran: skip them, or run once")]
    public Input<CronMissedRuns> MissedRuns { get; init; } = new(CronMissedRuns.Skip);

    [Input(Description = "When the previous run is still going: allow another, skip this occurrence, or queue it")]
    public Input<CronOverlap> Overlap { get; init; } = new(CronOverlap.Allow);

    public override void Execute(ControlContext context) => context.Complete(token: context.Incoming);

    public override void Validate(ActivityValidationContext context)
    {
        if (context.Raw("cron") is { } cron && cron.GetValueKind() == System.Text.Json.JsonValueKind.String && TryParse(cron.GetValue<string>(), out _) is { } error)
            context.Report("cron", error);
        if (context.Raw("timeZone") is { } zone && zone.GetValueKind() == System.Text.Json.JsonValueKind.String && !TryZone(zone.GetValue<string>(), out _))
            context.Report("timeZone", $"'{zone}' is not a known time zone");
    }

    /// <summary>Parses 5 fields, or 6 with seconds; answers the problem or null.</summary>
    public static string? TryParse(string text, out CronExpression? expression)
    {
        expression = null;
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            expression = CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return null;
        }
        catch (CronFormatException e)
        {
            return $"'{text}' is not a cron expression: {e.Message}";
        }
    }

    public static bool TryZone(string id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id)) return true;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);
    }
}
