namespace ElsaFlow.Activities.Scheduling;

/// <summary>What an occurrence does while a run of the same flow is still going: start anyway, skip, or wait for it to end.</summary>
public enum CronOverlap { Allow, Skip, Queue }
