import { memo, useCallback, useState, type DragEvent } from "react";
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type Connection, type Edge, type EdgeChange, type NodeChange } from "@xyflow/react";
import { nodeTypes } from "../graph/ActivityNode";
import type { ActivityNode } from "../graph/flowGraph";
import { GridSize } from "./useFlowEditor";

/** The MIME type a palette item puts on the drag: the activity type. */
export const ActivityDragType = "application/x-elsaflow-activity";

const DeleteKeys = ["Delete", "Backspace"];
const MultiSelectKeys = ["Control", "Meta"];
const Snap: [number, number] = [GridSize, GridSize];
const FitOptions = { padding: 0.2, maxZoom: 1.25 };
const MiniMapSize = { width: 160, height: 100 };
const StatusColours: Record<string, string> = { running: "#1565c0", done: "#2e7d32", faulted: "#c62828", waiting: "#b26a00" };

/** Minimap colour: the run status when there is one, red for problems, grey otherwise. */
function miniMapColour(node: ActivityNode) {
  if (node.data.status) return StatusColours[node.data.status] ?? "#8a94a6";
  return node.data.errors?.length ? "#c62828" : "#b8c0cc";
}

interface FlowCanvasProps {
  nodes: ActivityNode[];
  edges: Edge[];
  readOnly: boolean;
  onNodesChange: (changes: NodeChange<ActivityNode>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  onConnect: (connection: Connection) => void;
  onBeforeDelete: () => Promise<boolean>;
  onDragStart: () => void;
  onDragStop: () => void;
  onDropActivity: (type: string, at: { x: number; y: number }) => void;
}

/**
 * The React Flow canvas: activity nodes and connections, zoom/fit controls, minimap, a snapping grid, box selection
 * with Shift, Ctrl-click to add to the selection, Delete/Backspace to remove, and drops from the palette.
 */
export const FlowCanvas = memo(function FlowCanvas(props: FlowCanvasProps) {
  const { screenToFlowPosition } = useReactFlow();
  const { readOnly, onDropActivity } = props;
  // Fit the flow once on opening; an empty flow keeps zoom 1 so the first drop does not zoom in on one node.
  const [fitOnOpen] = useState(props.nodes.length > 0);

  const onDragOver = useCallback(
    (e: DragEvent) => {
      if (readOnly || !e.dataTransfer.types.includes(ActivityDragType)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
    },
    [readOnly],
  );
  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(ActivityDragType);
      if (readOnly || !type) return;
      e.preventDefault();
      onDropActivity(type, screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [readOnly, onDropActivity, screenToFlowPosition],
  );

  return (
    <div className="designer-canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<ActivityNode>
        nodes={props.nodes}
        edges={props.edges}
        nodeTypes={nodeTypes}
        onNodesChange={props.onNodesChange}
        onEdgesChange={props.onEdgesChange}
        onConnect={props.onConnect}
        onBeforeDelete={props.onBeforeDelete}
        onNodeDragStart={props.onDragStart}
        onNodeDragStop={props.onDragStop}
        onSelectionDragStart={props.onDragStart}
        onSelectionDragStop={props.onDragStop}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={false}
        deleteKeyCode={readOnly ? null : DeleteKeys}
        multiSelectionKeyCode={MultiSelectKeys}
        selectionKeyCode="Shift"
        snapToGrid
        snapGrid={Snap}
        fitView={fitOnOpen}
        fitViewOptions={FitOptions}
        minZoom={0.1}
        defaultEdgeOptions={{ interactionWidth: 16 }}
        proOptions={{ hideAttribution: true }}
        aria-label="Flow canvas"
      >
        <Background gap={GridSize} />
        <Controls showInteractive={!readOnly} fitViewOptions={FitOptions} />
        <MiniMap pannable zoomable ariaLabel="Minimap" style={MiniMapSize} nodeColor={miniMapColour} />
      </ReactFlow>
    </div>
  );
});
