import { describe, expect, it } from "vitest";
import type { InstanceDetails, JournalEntry, JournalKind } from "../../src/api/instances";
import { activityRuns } from "../../src/instances/activityStatus";

let sequence = 0;
function entry(kind: JournalKind, activityId: string | null, more: Partial<JournalEntry> = {}): JournalEntry {
  sequence += 1;
  return {
    instanceId: "i", sequence, kind, timestamp: "2026-01-01T00:00:00Z", activityId, activityType: null,
    executionId: activityId ? `${activityId}-1` : null, attempt: 1, duration: null, port: null, message: null, rowCount: null, ...more,
  };
}

function details(status: InstanceDetails["instance"]["status"], more: Partial<InstanceDetails> = {}): InstanceDetails {
  return {
    instance: { id: "i", definitionId: "f", definitionVersion: 1, status, correlationId: null, createdAt: "", updatedAt: "", finishedAt: null, error: null },
    inputs: {}, variables: {}, outputs: {}, activityOutputs: {}, bookmarks: [], faultedActivityId: null, ...more,
  };
}

describe("journal -> activity status", () => {
  it("follows each activity through started, completed and faulted", () => {
    const journal = [
      entry("WorkflowStarted", null),
      entry("ActivityStarted", "read"),
      entry("ActivityCompleted", "read", { rowCount: 4 }),
      entry("ActivityStarted", "sort"),
      entry("ActivityFaulted", "sort", { message: "boom" }),
    ];
    expect(activityRuns(journal).status).toEqual({ read: "done", sort: "faulted" });
    expect(activityRuns(journal).rows).toEqual({ read: 4 });
  });

  it("shows a suspended Pause as waiting and, once resumed and completed, as done", () => {
    const paused = [entry("ActivityStarted", "approval"), entry("ActivitySuspended", "approval")];
    expect(activityRuns(paused).status.approval).toBe("waiting");
    const resumed = [...paused, entry("WorkflowResumed", null), entry("ActivityResumed", "approval"), entry("ActivityCompleted", "approval")];
    expect(activityRuns(resumed).status.approval).toBe("done");
  });

  it("replays entries in sequence order even when they arrive out of order", () => {
    const started = entry("ActivityStarted", "a");
    const completed = entry("ActivityCompleted", "a");
    expect(activityRuns([completed, started]).status.a).toBe("done");
  });

  it("shows an activity running while one of its parallel executions still runs", () => {
    const journal = [
      entry("ActivityStarted", "body", { executionId: "x1" }),
      entry("ActivityStarted", "body", { executionId: "x2" }),
      entry("ActivityCompleted", "body", { executionId: "x1" }),
    ];
    expect(activityRuns(journal).status.body).toBe("running");
  });

  it("forgets old faults after a retry", () => {
    const journal = [
      entry("ActivityStarted", "read", { executionId: "x1" }),
      entry("ActivityFaulted", "read", { executionId: "x1" }),
      entry("WorkflowFaulted", null),
      entry("WorkflowRetried", null),
      entry("ActivityStarted", "read", { executionId: "x2" }),
      entry("ActivityCompleted", "read", { executionId: "x2" }),
    ];
    expect(activityRuns(journal).status.read).toBe("done");
  });

  it("lets the instance state have the last word: bookmarks wait, the faulted activity is faulted, ended instances run nothing", () => {
    const bookmark = { id: "b", instanceId: "i", activityId: "wait", executionId: "x", name: "Pause", matchKey: null, resumeAt: null, createdAt: "" };
    expect(activityRuns([entry("ActivityStarted", "wait")], details("Suspended", { bookmarks: [bookmark] })).status.wait).toBe("waiting");

    const faulted = activityRuns([entry("ActivityStarted", "read")], details("Faulted", { faultedActivityId: "read" }));
    expect(faulted.status.read).toBe("faulted");

    const cancelled = activityRuns([entry("ActivityStarted", "a"), entry("ActivitySuspended", "b")], details("Cancelled"));
    expect(cancelled.status).toEqual({ a: "cancelled", b: "cancelled" });
  });

  it("takes row counts from the activity outputs when the journal has none", () => {
    const runs = activityRuns([], details("Finished", { activityOutputs: { top: { dataset: "t", rowCount: 12, columns: [] }, log: "text" } }));
    expect(runs.rows).toEqual({ top: 12 });
  });

  it("marks a dataset output without a count as not counted (null), and leaves other outputs out", () => {
    const runs = activityRuns([], details("Finished", { activityOutputs: { big: { dataset: "v", rowCount: null, columns: [] }, log: "text" } }));
    expect(runs.rows).toEqual({ big: null });
  });
});
