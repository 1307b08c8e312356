import { useCallback, useMemo, useRef, useState } from "react";
import { addEdge, applyEdgeChanges, applyNodeChanges, type Connection, type Edge, type EdgeChange, type NodeChange } from "@xyflow/react";
import type { ActivityDescriptor, FlowActivity, FlowDocument } from "../api/types";
import { edgeId, flowToGraph, graphToFlow, type ActivityNode } from "../graph/flowGraph";
import { autoLayout } from "../graph/layout";
import { newActivityId } from "./activityIds";
import { copySelection, pasteClipboard, type Clipboard } from "./clipboard";
import { emptyHistory, record, redo, undo, type History } from "./history";

interface Snapshot {
  flow: FlowDocument;
  nodes: ActivityNode[];
  edges: Edge[];
}

interface EditorState extends Snapshot {
  history: History<Snapshot>;
  /** Counts saved-worthy changes: validation and the "unsaved" marker follow it, not every drag frame. */
  revision: number;
}

// Kept outside the component so that a copy can be pasted into another flow of the same session.
let clipboard: Clipboard | null = null;

export const GridSize = 16;

/** Loads a flow document into canvas nodes and edges, laying it out when positions are missing. */
export function graphOf(flow: FlowDocument, descriptors: Map<string, ActivityDescriptor>) {
  const graph = flowToGraph(flow);
  const nodes = graph.nodes.map((n) => ({ ...n, data: { ...n.data, descriptor: descriptors.get(n.data.activity.type) } }));
  return { nodes: graph.needsLayout ? autoLayout(nodes, graph.edges) : nodes, edges: graph.edges };
}

/**
 * The designer's editing state: the flow document, its nodes and edges, and an undo history of snapshots. Every edit
 * goes through here so that undo, the unsaved marker and live validation see it.
 */
export function useFlowEditor(initial: FlowDocument, descriptors: Map<string, ActivityDescriptor>, readOnly: boolean) {
  const [state, setState] = useState<EditorState>(() => ({ flow: initial, ...graphOf(initial, descriptors), history: emptyHistory(), revision: 0 }));
  const stateRef = useRef(state);
  stateRef.current = state;
  const lastPropertyEdit = useRef<{ id: string; at: number } | null>(null);

  /** Applies a change, recording the state before it for undo. */
  const change = useCallback(
    (update: (s: EditorState) => Partial<Snapshot>, options: { remember?: boolean } = {}) => {
      if (readOnly) return;
      setState((s) => ({
        ...s,
        ...update(s),
        history: options.remember === false ? s.history : record(s.history, snapshotOf(s)),
        revision: s.revision + 1,
      }));
    },
    [readOnly],
  );

  const onNodesChange = useCallback((changes: NodeChange<ActivityNode>[]) => {
    // Selection and dimension changes are not edits; position changes are remembered at drag start.
    setState((s) => ({ ...s, nodes: applyNodeChanges(changes, s.nodes) }));
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    setState((s) => ({ ...s, edges: applyEdgeChanges(changes, s.edges) }));
  }, []);
  /** Before Delete/Backspace removes nodes or edges: one undo step for the whole removal. */
  const onBeforeDelete = useCallback(async () => {
    if (readOnly) return false;
    setState((s) => ({ ...s, history: record(s.history, snapshotOf(s)), revision: s.revision + 1 }));
    return true;
  }, [readOnly]);
  const onDragStart = useCallback(() => {
    if (!readOnly) setState((s) => ({ ...s, history: record(s.history, snapshotOf(s)) }));
  }, [readOnly]);
  const onDragStop = useCallback(() => {
    if (!readOnly) setState((s) => ({ ...s, revision: s.revision + 1 }));
  }, [readOnly]);

  const onConnect = useCallback(
    (connection: Connection) =>
      change((s) => {
        const ends = { source: { activity: connection.source, port: connection.sourceHandle ?? "Done" }, target: { activity: connection.target, port: connection.targetHandle ?? "In" } };
        const id = edgeId(ends);
        if (s.edges.some((e) => e.id === id)) return {};
        return { edges: addEdge({ ...connection, id, data: { connection: ends } }, s.edges) };
      }),
    [change],
  );

  /** Adds an activity of `type` at a canvas position (snapped to the grid); it becomes the selection. */
  const addActivity = useCallback(
    (type: string, at: { x: number; y: number }) =>
      change((s) => {
        const id = newActivityId(type, new Set(s.nodes.map((n) => n.id)));
        const position = freeSpot(s.nodes, { x: snap(at.x), y: snap(at.y) });
        const node: ActivityNode = { id, type: "activity", position, selected: true, data: { activity: { id, type }, descriptor: descriptors.get(type) } };
        return { nodes: [...s.nodes.map(deselect), node], edges: s.edges.map(deselect) };
      }),
    [change, descriptors],
  );

  /**
   * Replaces the settings of node `nodeId` (from the property panel); quick successive edits of one activity undo
   * together. A changed id renames the node and its connections, unless it is empty or taken.
   */
  const updateActivity = useCallback(
    (nodeId: string, activity: FlowActivity) => {
      const now = Date.now();
      const last = lastPropertyEdit.current;
      const remember = !last || last.id !== nodeId || now - last.at > 1000;
      lastPropertyEdit.current = { id: activity.id, at: now };
      change(
        (s) => {
          const renamed = activity.id !== nodeId && activity.id.trim() !== "" && !s.nodes.some((n) => n.id === activity.id);
          const id = renamed ? activity.id : nodeId;
          const nodes = s.nodes.map((n) => (n.id === nodeId ? { ...n, id, data: { ...n.data, activity: { ...activity, id } } } : n));
          return renamed ? { nodes, edges: s.edges.map((e) => renameEnds(e, nodeId, id)) } : { nodes };
        },
        { remember },
      );
    },
    [change],
  );

  const updateFlow = useCallback((flow: FlowDocument) => change(() => ({ flow })), [change]);
  const layout = useCallback(() => change((s) => ({ nodes: autoLayout(s.nodes, s.edges) })), [change]);

  const copy = useCallback(() => {
    const s = stateRef.current;
    const copied = copySelection(s.nodes, s.edges);
    if (copied) clipboard = copied;
    return copied !== null;
  }, []);
  const paste = useCallback(() => {
    const copied = clipboard;
    if (!copied || readOnly) return false;
    change((s) => {
      const pasted = pasteClipboard(copied, s.nodes);
      // The next paste lands further along instead of on top of this one.
      clipboard = { nodes: pasted.nodes.map((n) => ({ ...n, selected: false })), edges: pasted.edges };
      return { nodes: [...s.nodes.map(deselect), ...pasted.nodes], edges: [...s.edges.map(deselect), ...pasted.edges] };
    });
    return true;
  }, [change, readOnly]);

  const step = useCallback(
    (direction: "undo" | "redo") => {
      if (readOnly) return;
      setState((s) => {
        const result = (direction === "undo" ? undo : redo)(s.history, snapshotOf(s));
        if (!result) return s;
        return { ...s, ...result.snapshot, history: result.history, revision: s.revision + 1 };
      });
    },
    [readOnly],
  );

  /** Loads another document (after restore or save as copy) with a fresh history. */
  const reset = useCallback(
    (flow: FlowDocument) => setState((s) => ({ flow, ...graphOf(flow, descriptors), history: emptyHistory(), revision: s.revision + 1 })),
    [descriptors],
  );

  const document = useCallback(() => {
    const s = stateRef.current;
    return graphToFlow(s.flow, s.nodes, s.edges);
  }, []);

  const actions = useMemo(
    () => ({ onNodesChange, onEdgesChange, onBeforeDelete, onDragStart, onDragStop, onConnect, addActivity, updateActivity, updateFlow, layout, copy, paste,
      undo: () => step("undo"), redo: () => step("redo"), reset, document }),
    [onNodesChange, onEdgesChange, onBeforeDelete, onDragStart, onDragStop, onConnect, addActivity, updateActivity, updateFlow, layout, copy, paste, step, reset, document],
  );
  return {
    flow: state.flow,
    nodes: state.nodes,
    edges: state.edges,
    revision: state.revision,
    canUndo: state.history.past.length > 0,
    canRedo: state.history.future.length > 0,
    actions,
  };
}

function renameEnds(edge: Edge, from: string, to: string): Edge {
  if (edge.source !== from && edge.target !== from) return edge;
  const source = edge.source === from ? to : edge.source;
  const target = edge.target === from ? to : edge.target;
  const connection = { source: { activity: source, port: edge.sourceHandle ?? "Done" }, target: { activity: target, port: edge.targetHandle ?? "In" } };
  const original = (edge.data as { connection?: Record<string, unknown> } | undefined)?.connection;
  return { ...edge, id: edgeId(connection), source, target, data: { connection: { ...original, ...connection } } };
}

function snapshotOf(s: EditorState): Snapshot {
  return { flow: s.flow, nodes: s.nodes.map(deselect), edges: s.edges.map(deselect) };
}

function deselect<T extends { selected?: boolean }>(item: T): T {
  return item.selected ? { ...item, selected: false } : item;
}

function snap(value: number) {
  return Math.round(value / GridSize) * GridSize;
}

/** The first spot at or below-right of `at` that no node starts on, so repeated adds at the centre do not stack. */
function freeSpot(nodes: ActivityNode[], at: { x: number; y: number }) {
  const taken = new Set(nodes.map((n) => `${n.position.x},${n.position.y}`));
  let spot = at;
  while (taken.has(`${spot.x},${spot.y}`)) spot = { x: spot.x + 2 * GridSize, y: spot.y + 2 * GridSize };
  return spot;
}
