import type { RunJournalEntry } from "../api/designer";
import type { ActivityStatus } from "../graph/flowGraph";

export type JournalEntry = RunJournalEntry;

/** Where the run stands for one activity: its latest status and, once done, the rows it produced. */
export interface ActivityRun {
  status: ActivityStatus;
  rows?: number;
}

const StatusOfKind: Record<string, ActivityStatus | undefined> = {
  ActivityStarted: "running",
  ActivityResumed: "running",
  ActivityRetrying: "running",
  ActivityCompleted: "done",
  ActivityFaulted: "faulted",
  ActivityDelayed: "waiting",
  ActivitySuspended: "waiting",
  ActivityCancelled: "cancelled",
};

/**
 * Folds journal entries (any order, duplicates allowed: the hub and the polled journal overlap) into each activity's
 * latest status; an activity run several times (loops) shows its last run.
 */
export function activityRuns(entries: Iterable<JournalEntry>): Map<string, ActivityRun> {
  const sorted = [...entries].sort((a, b) => a.sequence - b.sequence);
  const runs = new Map<string, ActivityRun>();
  for (const entry of sorted) {
    const status = entry.activityId ? StatusOfKind[entry.kind] : undefined;
    if (!status) continue;
    const rows = status === "done" && typeof entry.rowCount === "number" ? entry.rowCount : undefined;
    runs.set(entry.activityId!, rows === undefined ? { status } : { status, rows });
  }
  return runs;
}

/** Whether an instance status is final (nothing more will happen without someone acting). */
export function isSettled(status: string | undefined): boolean {
  return status === "Finished" || status === "Faulted" || status === "Cancelled";
}
