import { EmptyState } from "../ui/EmptyState";
import { ErrorBanner } from "../ui/ErrorBanner";
import { When } from "../ui/When";
import { relabel } from "../flows/relabel";
import { usePolled } from "./usePolled";
import "../flows/flows.css";

/** A node as GET /api/workers answers it (WorkerNode in src/Server/Api/WorkersApi.cs). */
interface WorkerNode {
  nodeId: string;
  roles: string[];
  groups: string[];
  lastHeartbeat: string;
  maxParallelActivities: number;
}

// A node that has not reported for this long is probably gone; say so instead of letting the time alone tell.
const StaleAfterMs = 60_000;

/** The worker nodes: roles, pinned worker groups, last heartbeat and capacity, refreshed every 10 s. */
export function WorkersPage() {
  const { data: workers, error } = usePolled<WorkerNode[]>("/workers", 10_000);
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
              <th scope="col">Roles</th>
              <th scope="col">Worker groups</th>
              <th scope="col">Last heartbeat</th>
              <th scope="col">Parallel activities</th>
            </tr>
          </thead>
          <tbody>
            {workers.map((w) => (
              <tr key={w.nodeId}>
                <td className="flow-id">{w.nodeId}</td>
                <td>{w.roles.join(", ")}</td>
                <td>{w.groups.length ? w.groups.join(", ") : <span className="muted">any group</span>}</td>
                <td>
                  <When value={w.lastHeartbeat} />
                  {Date.now() - new Date(w.lastHeartbeat).getTime() > StaleAfterMs && <span className="badge badge-faulted">stale</span>}
                </td>
                <td>{w.maxParallelActivities}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
