namespace ElsaFlow.Engine.Store;

/// <summary>Where a claimed occurrence stands: started an instance, skipped (overlap), or queued behind a run still going.</summary>
public enum ScheduleClaimStatus { Claimed, Started, Skipped, Queued }
