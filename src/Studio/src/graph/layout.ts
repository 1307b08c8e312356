import dagre from "@dagrejs/dagre";
import type { Edge, Node } from "@xyflow/react";

export const NodeWidth = 200;
export const NodeHeight = 64;

/** Lays the graph out left to right with dagre; returns the nodes with new positions (top-left corners). */
export function autoLayout<N extends Node>(nodes: N[], edges: Edge[], direction: "LR" | "TB" = "LR"): N[] {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: direction, nodesep: 40, ranksep: 80 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    graph.setNode(node.id, { width: node.measured?.width ?? NodeWidth, height: node.measured?.height ?? NodeHeight });
  }
  for (const edge of edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  }
  dagre.layout(graph);
  return nodes.map((node) => {
    const placed = graph.node(node.id);
    const width = node.measured?.width ?? NodeWidth;
    const height = node.measured?.height ?? NodeHeight;
    return { ...node, position: { x: Math.round(placed.x - width / 2), y: Math.round(placed.y - height / 2) } };
  });
}
