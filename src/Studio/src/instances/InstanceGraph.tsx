import { memo, useMemo } from "react";
import { Background, Controls, MiniMap, ReactFlow, type NodeMouseHandler } from "@xyflow/react";
import { nodeTypes } from "../graph/ActivityNode";
import type { ActivityNode, FlowGraph } from "../graph/flowGraph";
import type { ActivityRuns } from "./activityStatus";
import { withRuns } from "./instanceGraph";

const StatusColours: Record<string, string> = { running: "#1565c0", done: "#2e7d32", faulted: "#c62828", waiting: "#b26a00", cancelled: "#8a94a6" };

/** The flow an instance runs, read-only, each activity coloured by how far it got; clicking one selects it. */
export const InstanceGraph = memo(function InstanceGraph({ graph, runs, selected, onSelect }: {
  graph: FlowGraph;
  runs: ActivityRuns;
  selected: string | null;
  onSelect: (activityId: string | null) => void;
}) {
  const nodes = useMemo(
    () => withRuns(graph.nodes, runs).map((n) => (n.id === selected ? { ...n, selected: true } : n.selected ? { ...n, selected: false } : n)),
    [graph.nodes, runs, selected],
  );
  const click: NodeMouseHandler<ActivityNode> = (_, node) => onSelect(node.id);
  return (
    <div className="instance-graph" aria-label="Flow graph">
      <ReactFlow
        nodes={nodes}
        edges={graph.edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        onNodeClick={click}
        onPaneClick={() => onSelect(null)}
        fitView
        fitViewOptions={{ padding: 0.2, maxZoom: 1.2 }}
        proOptions={{ hideAttribution: true }}
        minZoom={0.1}
      >
        <Background gap={16} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable nodeColor={(n) => StatusColours[(n as ActivityNode).data.status ?? ""] ?? "#d9dde3"} />
      </ReactFlow>
    </div>
  );
});
