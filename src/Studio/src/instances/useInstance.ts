import { useCallback, useEffect, useRef, useState } from "react";
import { instancesApi, type InstanceDetails, type JournalEntry, type LogEntry, type WorkflowStatus } from "../api/instances";
import { follow } from "../api/live";

const Ended: WorkflowStatus[] = ["Finished", "Faulted", "Cancelled"];
// A waiting instance changes only when someone acts (and the hub says so), so it is asked less often.
const PollMs: Partial<Record<WorkflowStatus, number>> = { Running: 2000, Suspended: 5000 };

/** Adds an entry the hub sent to a list ordered by sequence (an entry already there, from a fetch, is not doubled). */
export function mergeBySequence<T extends { sequence: number }>(list: T[], entry: T): T[] {
  if (list.some((e) => e.sequence === entry.sequence)) return list;
  const next = [...list, entry];
  return list.length && list[list.length - 1].sequence > entry.sequence ? next.sort((a, b) => a.sequence - b.sequence) : next;
}

/**
 * An instance's state, journal and log, kept current: hub messages as they come, plus a fetch every few seconds while
 * the instance has not ended, so a missed message (hub down, reconnecting) never leaves a stale final state.
 */
export function useInstance(instanceId: string) {
  const [details, setDetails] = useState<InstanceDetails | null>(null);
  const [journal, setJournal] = useState<JournalEntry[]>([]);
  const [logs, setLogs] = useState<LogEntry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const call = ++latest.current;
    try {
      const [d, j, l] = await Promise.all([instancesApi.get(instanceId), instancesApi.journal(instanceId), instancesApi.logs(instanceId)]);
      if (call !== latest.current) return;
      setDetails(d);
      setJournal(j);
      setLogs(l);
      setError(null);
    } catch (e) {
      if (call === latest.current) setError(e);
    }
  }, [instanceId]);

  useEffect(() => {
    void reload();
    return follow(instanceId, {
      StatusChanged: () => void reload(),
      Journal: (entry: JournalEntry) => setJournal((list) => mergeBySequence(list, entry)),
      Log: (entry: LogEntry) => setLogs((list) => mergeBySequence(list, entry)),
    });
  }, [instanceId, reload]);

  const status = details?.instance.status;
  useEffect(() => {
    if (!status || Ended.includes(status)) return;
    const timer = setInterval(() => void reload(), PollMs[status] ?? 2000);
    return () => clearInterval(timer);
  }, [status, reload]);

  return { details, journal, logs, error, reload };
}
