import { Handle, Position, type NodeProps } from "@xyflow/react";
import type { ActivityNode as ActivityNodeType } from "./flowGraph";
import { inputPortsOf } from "./ports";
import "./graph.css";

/**
 * One activity on a canvas (designer and instance view): its label and type, input ports on the left, outcome ports on
 * the right, coloured by run status and marked when validation found problems in it.
 */
export function ActivityNode({ id, data, selected }: NodeProps<ActivityNodeType>) {
  const { activity, descriptor, status, errors, rows } = data;
  const inputs = data.inputPorts ?? inputPortsOf(descriptor);
  const outcomes = data.outcomes ?? descriptor?.outcomes ?? ["Done"];
  // "name" is a label, unless the activity declares it as an input (Pause and Event wait on a name).
  const namedByInput = descriptor?.inputs.some((input) => input.name === "name") ?? false;
  const label = !namedByInput && typeof activity.name === "string" && activity.name ? activity.name : id;
  const classes = ["activity-node", `category-${(descriptor?.category ?? "unknown").toLowerCase()}`];
  if (status) classes.push(`status-${status}`);
  if (errors?.length) classes.push("has-errors");
  if (selected) classes.push("selected");
  const rowsOf = Math.max(inputs.length, outcomes.length);
  return (
    <div className={classes.join(" ")} data-activity-id={id} data-status={status ?? ""} title={descriptor?.description ?? activity.type}
      style={{ minHeight: 44 + rowsOf * 18 }}>
      <div className="activity-node-title">
        <span className="activity-node-label">{label}</span>
        <span className="activity-node-type">{activity.type}</span>
      </div>
      {status && <span className="activity-node-status" aria-label={`status ${status}`}>{status}</span>}
      {rows !== undefined && <span className="activity-node-rows">{rows === null ? "not counted" : `${rows.toLocaleString()} rows`}</span>}
      {errors && errors.length > 0 && (
        <span className="activity-node-errors" role="note" title={errors.join("\n")} aria-label={`${errors.length} problem(s)`}>
          {errors.length}
        </span>
      )}
      {inputs.map((port, i) => (
        <Handle key={`in-${port}`} id={port} type="target" position={Position.Left} style={{ top: portTop(i, inputs.length) }}
          className="port port-in" title={port}>
          {inputs.length > 1 && <span className="port-label port-label-in">{port}</span>}
        </Handle>
      ))}
      {outcomes.map((port, i) => (
        <Handle key={`out-${port}`} id={port} type="source" position={Position.Right} style={{ top: portTop(i, outcomes.length) }}
          className={`port port-out${port === "Error" ? " port-error" : ""}`} title={port}>
          {(outcomes.length > 1 || port !== "Done") && <span className="port-label port-label-out">{port}</span>}
        </Handle>
      ))}
    </div>
  );
}

// Ports spread evenly below the title so several outcomes (If, Switch, Checker) stay apart.
function portTop(index: number, count: number) {
  return `${((index + 1) / (count + 1)) * 100}%`;
}

export const nodeTypes = { activity: ActivityNode };
