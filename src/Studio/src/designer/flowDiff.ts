import type { FlowDocument } from "../api/types";
import { edgeId } from "../graph/flowGraph";

/** What changed between two versions of a flow, counted as the version history shows it. */
export interface FlowDiff {
  added: string[];
  removed: string[];
  changed: string[];
  connectionsAdded: number;
  connectionsRemoved: number;
}

/** Compares `other` against `current`: activities by id (positions ignored), connections by their ends. */
export function diffFlows(other: FlowDocument, current: FlowDocument): FlowDiff {
  const before = new Map((other.root.activities ?? []).map((a) => [a.id, a]));
  const after = new Map((current.root.activities ?? []).map((a) => [a.id, a]));
  const added = [...after.keys()].filter((id) => !before.has(id));
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const changed = [...after.keys()].filter((id) => before.has(id) && settingsOf(before.get(id)!) !== settingsOf(after.get(id)!));
  const edgesBefore = new Set((other.root.connections ?? []).map(edgeId));
  const edgesAfter = new Set((current.root.connections ?? []).map(edgeId));
  return {
    added,
    removed,
    changed,
    connectionsAdded: [...edgesAfter].filter((e) => !edgesBefore.has(e)).length,
    connectionsRemoved: [...edgesBefore].filter((e) => !edgesAfter.has(e)).length,
  };
}

/** An activity's settings as comparable text: key order and the designer's position do not count. */
function settingsOf(activity: Record<string, unknown>): string {
  const { metadata, ...rest } = activity as { metadata?: Record<string, unknown> };
  const { designer, ...otherMetadata } = metadata ?? {};
  void designer;
  return stableJson({ ...rest, metadata: otherMetadata });
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** "2 added, 1 changed, 1 connection removed" or "no changes". */
export function describeDiff(diff: FlowDiff): string {
  const parts: string[] = [];
  if (diff.added.length) parts.push(`${diff.added.length} added`);
  if (diff.removed.length) parts.push(`${diff.removed.length} removed`);
  if (diff.changed.length) parts.push(`${diff.changed.length} changed`);
  if (diff.connectionsAdded) parts.push(`${diff.connectionsAdded} connection${diff.connectionsAdded > 1 ? "s" : ""} added`);
  if (diff.connectionsRemoved) parts.push(`${diff.connectionsRemoved} connection${diff.connectionsRemoved > 1 ? "s" : ""} removed`);
  return parts.length ? parts.join(", ") : "no changes";
}
