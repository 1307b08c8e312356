import type { Edge } from "@xyflow/react";
import type { ActivityNode } from "../graph/flowGraph";
import { edgeId } from "../graph/flowGraph";
import { newActivityId } from "./activityIds";

/** What Ctrl+C keeps: the selected activities and the connections between them. */
export interface Clipboard {
  nodes: ActivityNode[];
  edges: Edge[];
}

/** Copies the selected nodes and only the edges whose both ends are selected. */
export function copySelection(nodes: ActivityNode[], edges: Edge[]): Clipboard | null {
  const picked = nodes.filter((n) => n.selected);
  if (picked.length === 0) return null;
  const ids = new Set(picked.map((n) => n.id));
  return { nodes: picked, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

/**
 * Pastes a clipboard: every activity gets a new unique id and moves by `offset`; internal connections follow the new
 * ids. The pasted nodes come back selected so they can be moved together.
 */
export function pasteClipboard(clipboard: Clipboard, existing: ActivityNode[], offset = { x: 32, y: 32 }): Clipboard {
  const taken = new Set(existing.map((n) => n.id));
  const renamed = new Map<string, string>();
  const nodes = clipboard.nodes.map((node) => {
    const id = newActivityId(node.data.activity.type, taken);
    taken.add(id);
    renamed.set(node.id, id);
    const position = { x: node.position.x + offset.x, y: node.position.y + offset.y };
    const activity = structuredClone(node.data.activity);
    activity.id = id;
    return { id, type: "activity" as const, position, selected: true, data: { ...node.data, activity } };
  });
  const edges = clipboard.edges.map((edge) => {
    const source = renamed.get(edge.source)!;
    const target = renamed.get(edge.target)!;
    const connection = { source: { activity: source, port: edge.sourceHandle ?? "Done" }, target: { activity: target, port: edge.targetHandle ?? "In" } };
    return { id: edgeId(connection), source, target, sourceHandle: edge.sourceHandle, targetHandle: edge.targetHandle, data: { connection } };
  });
  return { nodes, edges };
}
