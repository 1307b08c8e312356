namespace ElsaFlow.Activities.Scheduling;

/// <summary>What the scheduler does with occurrences that passed while no node was running: drop them, or run once for all of them.</summary>
public enum CronMissedRuns { Skip, RunOnce }
