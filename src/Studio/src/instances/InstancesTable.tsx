import { memo } from "react";
import { Link } from "../app/router";
import type { InstanceSummary } from "../api/instances";
import { StatusBadge } from "./StatusBadge";
import { timeText } from "./time";

/** One page of instances: id (links to the instance view), flow and version, status, times, correlation id. */
export const InstancesTable = memo(function InstancesTable({ items }: { items: InstanceSummary[] }) {
  return (
    <table className="instances-table" aria-label="Instances">
      <thead>
        <tr>
          <th scope="col">Instance</th>
          <th scope="col">Flow</th>
          <th scope="col">Status</th>
          <th scope="col">Created</th>
          <th scope="col">Updated</th>
          <th scope="col">Correlation id</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.id} data-instance-id={i.id}>
            <td><Link to={`instances/${encodeURIComponent(i.id)}`} className="mono">{i.id}</Link></td>
            <td>
              <Link to={`flows/${encodeURIComponent(i.definitionId)}`}>{i.definitionId}</Link> <span className="muted">v{i.definitionVersion}</span>
            </td>
            <td><StatusBadge status={i.status} /></td>
            <td>{timeText(i.createdAt)}</td>
            <td>{timeText(i.updatedAt)}</td>
            <td className="mono">{i.correlationId ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
