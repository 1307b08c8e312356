import { useState } from "react";
import type { Connection, Edge } from "@xyflow/react";
import type { ActivityNode } from "../graph/flowGraph";
import { inputPortsOf, outcomesOf } from "../graph/ports";

/**
 * The selected activity's outgoing connections as a form: the keyboard way to connect ports (React Flow connects by
 * mouse only), and a plain list of where each outcome goes, with a button to remove one.
 */
export function ConnectionsSection({ node, nodes, edges, readOnly, onConnect, onRemove }: {
  node: ActivityNode;
  nodes: ActivityNode[];
  edges: Edge[];
  readOnly: boolean;
  onConnect: (connection: Connection) => void;
  onRemove: (edgeId: string) => void;
}) {
  const outcomes = outcomesOf(node.data.activity, node.data.descriptor, edges);
  const targets = nodes.filter((n) => n.id !== node.id);
  const [port, setPort] = useState(outcomes[0] ?? "Done");
  const [target, setTarget] = useState("");
  const targetNode = targets.find((n) => n.id === target);
  const targetPorts = targetNode ? inputPortsOf(targetNode.data.descriptor) : [];
  const [targetPort, setTargetPort] = useState("");
  const chosenTargetPort = targetPorts.includes(targetPort) ? targetPort : targetPorts[0] ?? "In";
  const outgoing = edges.filter((e) => e.source === node.id);

  return (
    <section className="connections-section" aria-label={`Connections of ${node.id}`}>
      <h3>Connections</h3>
      {outgoing.length === 0 ? (
        <p className="muted">No outgoing connections.</p>
      ) : (
        <ul>
          {outgoing.map((e) => (
            <li key={e.id}>
              <span>{e.sourceHandle ?? "Done"} → {e.target}{e.targetHandle && e.targetHandle !== "In" ? ` (${e.targetHandle})` : ""}</span>
              {!readOnly && (
                <button type="button" className="link" aria-label={`Remove connection ${e.sourceHandle ?? "Done"} to ${e.target}`} onClick={() => onRemove(e.id)}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && targets.length > 0 && (
        <form
          className="connection-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!targetNode) return;
            onConnect({ source: node.id, sourceHandle: port, target: targetNode.id, targetHandle: chosenTargetPort });
          }}
        >
          <label>
            From port
            <select value={port} onChange={(e) => setPort(e.target.value)}>
              {outcomes.map((o) => <option key={o}>{o}</option>)}
            </select>
          </label>
          <label>
            To activity
            <select value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">choose...</option>
              {targets.map((n) => <option key={n.id} value={n.id}>{n.id} ({n.data.activity.type})</option>)}
            </select>
          </label>
          {targetPorts.length > 1 && (
            <label>
              To port
              <select value={chosenTargetPort} onChange={(e) => setTargetPort(e.target.value)}>
                {targetPorts.map((p) => <option key={p}>{p}</option>)}
              </select>
            </label>
          )}
          <button type="submit" disabled={!targetNode}>Connect</button>
        </form>
      )}
    </section>
  );
}
