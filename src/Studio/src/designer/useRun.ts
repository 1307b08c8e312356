import { useCallback, useEffect, useRef, useState } from "react";
import { workflowsApi } from "../api/workflows";
import { follow } from "../api/live";
import { instancesApi, type InstanceDetails, type JournalEntry } from "../api/instances";
import { activityRuns, isEnded, type ActivityRuns } from "../instances/activityStatus";

/** The run the designer follows: its instance, status, error and each activity's latest status. */
export interface FollowedRun {
  instanceId: string;
  /** The version of the flow that runs (known once the instance is stored). */
  version?: number;
  status: string;
  error?: string | null;
  activities: ActivityRuns;
}

const PollEvery = 1000;

/**
 * Dispatches the flow and follows the instance: hub messages (StatusChanged, Journal) colour the canvas at once, and a
 * poll of the instance and its journal fills what the hub missed (messages sent before the subscription) until the
 * instance settles, so the end is never missed.
 */
export function useRun(definitionId: string) {
  const [run, setRun] = useState<FollowedRun | null>(null);
  const stop = useRef<(() => void) | null>(null);

  const watch = useCallback((instanceId: string) => {
    stop.current?.();
    const journal = new Map<number, JournalEntry>();
    let status = "Running";
    let error: string | null | undefined;
    let version: number | undefined;
    // The last instance details polled: with them a step that never ended shows as the instance view shows it (cancelled).
    let polled: InstanceDetails | undefined;
    let stopped = false;
    const publish = () => !stopped && setRun({ instanceId, version, status, error, activities: activityRuns([...journal.values()], polled) });
    const addEntries = (entries: JournalEntry[]) => {
      for (const e of entries) if (e.instanceId === undefined || e.instanceId === instanceId) journal.set(e.sequence, e);
      publish();
    };
    const unfollow = follow(instanceId, {
      StatusChanged: (s: { instanceId: string; status: string }) => {
        if (s.instanceId !== instanceId || isEnded(status)) return;
        status = s.status;
        publish();
      },
      Journal: (e: JournalEntry) => addEntries([e]),
    });
    let timer = 0;
    // The instance is stored a moment after dispatch answers: until the definition's instance list shows it, asking for
    // it by id would answer 404 (and log an error in the console), so the list is polled first.
    let stored = false;
    // Polling stops only once a poll saw the end, so the journal it fetched then is complete.
    let polledStatus = "Running";
    const poll = async () => {
      try {
        if (!stored) {
          const recent = await instancesApi.list(`definition=${encodeURIComponent(definitionId)}&take=100`);
          const listed = recent.items.find((i) => i.id === instanceId);
          stored = listed !== undefined;
          version = listed?.definitionVersion;
        }
        if (stored) {
          const [details, entries] = await Promise.all([instancesApi.get(instanceId), instancesApi.journal(instanceId)]);
          polled = details;
          status = polledStatus = details.instance.status;
          version = details.instance.definitionVersion;
          error = details.instance.error;
          addEntries(entries);
        }
      } catch {
        // A failed poll is retried; the hub may still deliver meanwhile.
      }
      // A suspended instance may wait for days: look less often, the hub still reports at once.
      if (!stopped && !isEnded(polledStatus)) timer = window.setTimeout(poll, polledStatus === "Suspended" ? 5 * PollEvery : PollEvery);
    };
    void poll();
    stop.current = () => {
      stopped = true;
      window.clearTimeout(timer);
      unfollow();
    };
    publish();
  }, [definitionId]);

  /** POST /api/workflows/{id}/dispatch with the inputs, then follows the new instance. */
  const start = useCallback(
    async (inputs: Record<string, unknown>) => {
      const { instanceId } = await workflowsApi.dispatch(definitionId, inputs);
      watch(instanceId);
      return instanceId;
    },
    [definitionId, watch],
  );

  const clear = useCallback(() => {
    stop.current?.();
    stop.current = null;
    setRun(null);
  }, []);

  useEffect(() => () => stop.current?.(), []);
  return { run, start, clear };
}
