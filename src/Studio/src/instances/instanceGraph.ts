import type { Edge } from "@xyflow/react";
import type { ActivityDescriptor, FlowDocument } from "../api/types";
import { flowToGraph, type ActivityNode, type FlowGraph } from "../graph/flowGraph";
import { autoLayout } from "../graph/layout";
import { inputPortsOf, outcomesOf } from "../graph/ports";
import type { ActivityRuns } from "./activityStatus";

/**
 * The read-only canvas of the flow an instance runs: the root's activities with their descriptors and ports, laid out
 * when the file has no positions. A Sequence root has no connections, so its activities are chained in order.
 */
export function instanceGraph(flow: FlowDocument, descriptors: ActivityDescriptor[]): FlowGraph {
  const graph = flowToGraph(flow);
  const edges = graph.edges.length || flow.root.type !== "Sequence" ? graph.edges : sequenceEdges(graph.nodes);
  const byType = new Map(descriptors.map((d) => [d.type, d]));
  let nodes: ActivityNode[] = graph.nodes.map((node) => {
    const descriptor = byType.get(node.data.activity.type);
    return {
      ...node,
      draggable: false,
      connectable: false,
      data: { ...node.data, descriptor, inputPorts: inputPortsOf(descriptor), outcomes: outcomesOf(node.data.activity, descriptor, edges) },
    };
  });
  if (graph.needsLayout) nodes = autoLayout(nodes, edges);
  return { nodes, edges, needsLayout: false };
}

function sequenceEdges(nodes: ActivityNode[]): Edge[] {
  return nodes.slice(1).map((node, i) => ({
    id: `${nodes[i].id}->${node.id}`,
    source: nodes[i].id,
    sourceHandle: "Done",
    target: node.id,
    targetHandle: "In",
  }));
}

/** The nodes coloured by the instance's activity statuses and row counts (nodes that did not change stay the same objects). */
export function withRuns(nodes: ActivityNode[], runs: ActivityRuns): ActivityNode[] {
  return nodes.map((node) => {
    const status = runs.status[node.id];
    const rows = runs.rows[node.id];
    if (node.data.status === status && node.data.rows === rows) return node;
    return { ...node, data: { ...node.data, status, rows } };
  });
}
