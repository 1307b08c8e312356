/** Undo/redo over whole snapshots: small flows, so a copy per step is simpler than diffs and cheap enough. */
export interface History<T> {
  past: T[];
  future: T[];
}

export const HistoryLimit = 50;

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [] };
}

/** Records `current` before a change; a new change forgets what could be redone. */
export function record<T>(history: History<T>, current: T): History<T> {
  const past = [...history.past, current];
  return { past: past.length > HistoryLimit ? past.slice(past.length - HistoryLimit) : past, future: [] };
}

/** Steps back: returns the snapshot to show and the history with `current` ready for redo; null when nothing to undo. */
export function undo<T>(history: History<T>, current: T): { history: History<T>; snapshot: T } | null {
  if (history.past.length === 0) return null;
  const snapshot = history.past[history.past.length - 1];
  return { snapshot, history: { past: history.past.slice(0, -1), future: [current, ...history.future] } };
}

export function redo<T>(history: History<T>, current: T): { history: History<T>; snapshot: T } | null {
  if (history.future.length === 0) return null;
  const [snapshot, ...future] = history.future;
  return { snapshot, history: { past: [...history.past, current], future } };
}
