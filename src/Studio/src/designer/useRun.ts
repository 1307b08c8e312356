import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../api/client";
import { follow } from "../api/live";
import { activityRuns, isSettled, type ActivityRun, type JournalEntry } from "./runStatus";

/** The run the designer follows: its instance, status, error and each activity's latest status. */
export interface FollowedRun {
  instanceId: string;
  status: string;
  error?: string | null;
  activities: Map<string, ActivityRun>;
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
    let stopped = false;
    const publish = () => !stopped && setRun({ instanceId, status, error, activities: activityRuns(journal.values()) });
    const addEntries = (entries: JournalEntry[]) => {
      for (const e of entries) if (e.instanceId === undefined || e.instanceId === instanceId) journal.set(e.sequence, e);
      publish();
    };
    const unfollow = follow(instanceId, {
      StatusChanged: (s: { instanceId: string; status: string }) => {
        if (s.instanceId !== instanceId || isSettled(status)) return;
        status = s.status;
        publish();
      },
      Journal: (e: JournalEntry) => addEntries([e]),
    });
    let timer = 0;
    const poll = async () => {
      try {
        const [details, entries] = await Promise.all([
          api.get<{ instance: { status: string; error?: string | null } }>(`/instances/${encodeURIComponent(instanceId)}`),
          api.get<JournalEntry[]>(`/instances/${encodeURIComponent(instanceId)}/journal`),
        ]);
        status = details.instance.status;
        error = details.instance.error;
        addEntries(entries);
      } catch {
        // A failed poll is retried; the hub may still deliver.
      }
      if (!stopped && !isSettled(status)) timer = window.setTimeout(poll, PollEvery);
    };
    void poll();
    stop.current = () => {
      stopped = true;
      window.clearTimeout(timer);
      unfollow();
    };
    publish();
  }, []);

  /** POST /api/workflows/{id}/dispatch with the inputs, then follows the new instance. */
  const start = useCallback(
    async (inputs: Record<string, unknown>) => {
      const { instanceId } = await api.post<{ instanceId: string }>(`/workflows/${encodeURIComponent(definitionId)}/dispatch`, inputs);
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
