import type { Edge, Node } from "@xyflow/react";
import type { ActivityDescriptor, FlowActivity, FlowConnection, FlowDocument } from "../api/types";

/** How far an activity got in a run, as the instance view and the live designer colour it. */
export type ActivityStatus = "running" | "done" | "faulted" | "waiting" | "cancelled";

/**
 * What a canvas node carries: the activity exactly as the flow file holds it, plus what the views add around it
 * (its descriptor, its ports, a run status, validation messages, a row count). Only `activity` is saved.
 */
export type ActivityNodeData = {
  activity: FlowActivity;
  descriptor?: ActivityDescriptor;
  /** Input ports (left) and outcome ports (right); from the descriptor unless the view knows more (dynamic outcomes). */
  inputPorts?: string[];
  outcomes?: string[];
  status?: ActivityStatus;
  errors?: string[];
  /** Rows of the activity's output dataset; null: a view nothing counted. */
  rows?: number | null;
};
export type ActivityNode = Node<ActivityNodeData, "activity">;

/** The canvas form of a flow: one node per activity of the root flowchart, one edge per connection. */
export interface FlowGraph {
  nodes: ActivityNode[];
  edges: Edge[];
  /** Whether some node had no saved position (the designer then lays the graph out). */
  needsLayout: boolean;
}

export function edgeId(c: FlowConnection) {
  return `${c.source.activity}:${c.source.port}->${c.target.activity}:${c.target.port}`;
}

/** Reads a flow document into nodes and edges; positions come from each activity's metadata.designer.position. */
export function flowToGraph(flow: FlowDocument): FlowGraph {
  const activities = flow.root.activities ?? [];
  let needsLayout = false;
  const nodes: ActivityNode[] = activities.map((activity) => {
    const position = activity.metadata?.designer?.position;
    if (!position) needsLayout = true;
    return { id: activity.id, type: "activity", position: position ? { x: position.x, y: position.y } : { x: 0, y: 0 }, data: { activity } };
  });
  const edges: Edge[] = (flow.root.connections ?? []).map((c) => ({
    id: edgeId(c),
    source: c.source.activity,
    sourceHandle: c.source.port,
    target: c.target.activity,
    targetHandle: c.target.port,
    data: { connection: c },
  }));
  return { nodes, edges, needsLayout };
}

/**
 * Writes nodes and edges back into the flow document (everything else in it is kept): activities in node order,
 * each with its canvas position rounded to whole pixels in metadata.designer.position, connections in edge order.
 */
export function graphToFlow(flow: FlowDocument, nodes: ActivityNode[], edges: Edge[]): FlowDocument {
  const activities = nodes.map((node) => withPosition(node.data.activity, node.position));
  const connections: FlowConnection[] = edges.map((edge) => {
    const original = (edge.data as { connection?: FlowConnection } | undefined)?.connection;
    const source = { activity: edge.source, port: edge.sourceHandle ?? "Done" };
    const target = { activity: edge.target, port: edge.targetHandle ?? "In" };
    return original ? { ...original, source, target } : { source, target };
  });
  return { ...flow, root: { ...flow.root, activities, connections } };
}

function withPosition(activity: FlowActivity, position: { x: number; y: number }): FlowActivity {
  const metadata = activity.metadata ?? {};
  const designer = metadata.designer ?? {};
  return {
    ...activity,
    metadata: { ...metadata, designer: { ...designer, position: { x: Math.round(position.x), y: Math.round(position.y) } } },
  };
}
