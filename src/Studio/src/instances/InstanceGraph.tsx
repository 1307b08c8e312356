import { memo, useEffect } from "react";
import { Background, Controls, MiniMap, ReactFlow, useNodesState, type NodeMouseHandler } from "@xyflow/react";
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
  // Nodes live in React Flow's state so the sizes it measures stay on them (the minimap and fitView need them).
  const [nodes, setNodes, onNodesChange] = useNodesState<ActivityNode>([]);
  useEffect(() => {
    setNodes((current) => {
      const measured = new Map(current.map((n) => [n.id, n.measured]));
      return withRuns(graph.nodes, runs).map((n) => ({ ...n, selected: n.id === selected, measured: measured.get(n.id) ?? n.measured }));
    });
  }, [graph.nodes, runs, selected, setNodes]);
  const click: NodeMouseHandler<ActivityNode> = (_, node) => onSelect(node.id);
  return (
    <section className="instance-graph" aria-label="Flow graph">
      <ReactFlow
        nodes={nodes}
        edges={graph.edges}
        onNodesChange={onNodesChange}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        onNodeClick={click}
        onPaneClick={() => onSelect(null)}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1.1 }}
        proOptions={{ hideAttribution: true }}
        minZoom={0.1}
      >
        <Background gap={16} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable style={{ width: 150, height: 90 }}
          nodeColor={(n) => StatusColours[(n as ActivityNode).data.status ?? ""] ?? "#d9dde3"} />
      </ReactFlow>
    </section>
  );
});
