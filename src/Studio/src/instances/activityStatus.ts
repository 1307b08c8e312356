import type { ActivityStatus } from "../graph/flowGraph";
import type { InstanceDetails, JournalEntry, WorkflowStatus } from "../api/instances";

/**
 * Where each activity of an instance stands, and how many rows its output dataset holds (when it has one): the count
 * the run's own queries gave, or null when the dataset is a view nothing counted ("not counted": the server never runs
 * a view again to count it).
 */
export interface ActivityRuns {
  status: Record<string, ActivityStatus>;
  rows: Record<string, number | null>;
}

const KindStatus: Partial<Record<JournalEntry["kind"], ActivityStatus>> = {
  ActivityScheduled: "running",
  ActivityStarted: "running",
  ActivityRetrying: "running",
  ActivityResumed: "running",
  ActivityCompleted: "done",
  ActivityFaulted: "faulted",
  ActivityDelayed: "waiting",
  ActivitySuspended: "waiting",
  ActivityCancelled: "cancelled",
};

// When an activity ran several times at once (parallel loop bodies), the most pressing state shows.
const Precedence: ActivityStatus[] = ["faulted", "running", "waiting", "done", "cancelled"];

const Ended: WorkflowStatus[] = ["Finished", "Faulted", "Cancelled"];

/** Whether an instance status is final (nothing more happens without someone acting). */
export function isEnded(status: string | undefined): boolean {
  return Ended.includes(status as WorkflowStatus);
}

/**
 * Replays the journal into a status per activity: each execution keeps its latest state and an activity shows the most
 * pressing state of its executions. The instance state then has the last word: the activities it waits on (bookmarks)
 * are waiting, the activity it faulted in is faulted, and once the instance ended nothing is left running or waiting.
 */
export function activityRuns(journal: JournalEntry[], details?: Pick<InstanceDetails, "instance" | "bookmarks" | "faultedActivityId" | "activityOutputs">): ActivityRuns {
  const executions = new Map<string, Map<string, ActivityStatus>>();
  const rows: Record<string, number | null> = {};
  const ordered = [...journal].sort((a, b) => a.sequence - b.sequence);
  for (const entry of ordered) {
    if (entry.kind === "WorkflowRetried") {
      // A retry runs the faulted activities again: their old faults no longer describe the instance.
      for (const runs of executions.values()) for (const [id, s] of runs) if (s === "faulted") runs.delete(id);
      continue;
    }
    const status = KindStatus[entry.kind];
    if (!status || !entry.activityId) continue;
    const runs = executions.get(entry.activityId) ?? new Map<string, ActivityStatus>();
    executions.set(entry.activityId, runs);
    runs.set(entry.executionId ?? entry.activityId, status);
    if (entry.kind === "ActivityCompleted" && entry.rowCount != null) rows[entry.activityId] = entry.rowCount;
  }

  const status: Record<string, ActivityStatus> = {};
  for (const [activityId, runs] of executions) {
    const states = [...runs.values()];
    const top = Precedence.find((s) => states.includes(s));
    if (top) status[activityId] = top;
  }

  if (details) {
    for (const [activityId, output] of Object.entries(details.activityOutputs ?? {})) {
      const dataset = output as { dataset?: unknown; rowCount?: unknown } | null;
      const count = dataset?.rowCount;
      if (rows[activityId] === undefined && typeof count === "number") rows[activityId] = count;
      else if (rows[activityId] === undefined && typeof dataset?.dataset === "string") rows[activityId] = null;
    }
    const ended = Ended.includes(details.instance.status);
    if (ended) {
      for (const [activityId, s] of Object.entries(status)) if (s === "running" || s === "waiting") status[activityId] = "cancelled";
    } else {
      for (const bookmark of details.bookmarks) if (status[bookmark.activityId] !== "faulted") status[bookmark.activityId] = "waiting";
    }
    if (details.faultedActivityId && details.instance.status === "Faulted") status[details.faultedActivityId] = "faulted";
  }
  return { status, rows };
}
