import type { JournalEntry } from "../api/instances";

/**
 * A node id as people read it: "host:pid" of "host:pid:guid" (the guid keeps ids unique across restarts; the title
 * shows it whole). Other ids are shown as they are.
 */
export function nodeText(nodeId: string) {
  const parts = nodeId.split(":");
  return parts.length === 3 && /^[0-9a-f]{32}$/.test(parts[2]) ? `${parts[0]}:${parts[1]}` : nodeId;
}

/** True when the journal's activities ran on more than one node (a cluster): only then is a Node column worth its room. */
export function ranOnSeveralNodes(journal: readonly JournalEntry[]) {
  let first: string | null = null;
  for (const e of journal) {
    if (!e.nodeId) continue;
    if (first === null) first = e.nodeId;
    else if (e.nodeId !== first) return true;
  }
  return false;
}
