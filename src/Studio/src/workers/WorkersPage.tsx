import { EmptyState } from "../ui/EmptyState";
import { ErrorBanner } from "../ui/ErrorBanner";
import { When } from "../ui/When";
import { relabel } from "../flows/relabel";
import { usePolled } from "./usePolled";
import "../flows/flows.css";

/** A node as GET /api/workers answers it (WorkerNode in src/Server/Api/WorkersApi.cs). */
interface WorkerNode {
  nodeId: string;
  role: string;
  groups: string[];
  concurrency: number;
  running: number;
  version: string;
  startedAt: string;
  lastSeen: string;
  stoppedAt: string | null;
  live: boolean;
}

/** The cluster's nodes from the shared registry: role, worker groups, load and last heartbeat, refreshed every 5 s. */
export function WorkersPage() {
  const { data: workers, error } = usePolled<WorkerNode[]>("/workers", 5_000);
  return (
    <div>
      <div className="page-header">
        <h1>Workers</h1>
      </div>
      {error ? <ErrorBanner error={relabel(error, "Cannot load the workers")} /> : null}
      {!workers && !error && <p className="muted" aria-busy="true">Loading workers…</p>}
      {workers && workers.length === 0 && (
        <EmptyState title="No workers" detail="No node has reported a heartbeat: start a server or `elsaflow worker` to run activities." />
      )}
      {workers && workers.length > 0 && (
        <table aria-label="Workers">
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">Role</th>
              <th scope="col">Worker groups</th>
              <th scope="col">Last heartbeat</th>
              <th scope="col">Load</th>
              <th scope="col">Version</th>
            </tr>
          </thead>
          <tbody>
            {workers.map((w) => (
              <tr key={w.nodeId}>
                <td className="flow-id">{w.nodeId}</td>
                <td>{w.role.toLowerCase()}</td>
                <td>{w.role === "Master" ? <span className="muted">runs no activities</span> : w.groups.length ? w.groups.join(", ") : <span className="muted">unpinned only</span>}</td>
                <td>
                  <When value={w.lastSeen} />
                  {w.stoppedAt ? <span className="badge badge-cancelled">stopped</span> : !w.live && <span className="badge badge-faulted">stale</span>}
                </td>
                <td>{w.role === "Master" ? "" : `${w.running} / ${w.concurrency}`}</td>
                <td className="muted">{w.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
