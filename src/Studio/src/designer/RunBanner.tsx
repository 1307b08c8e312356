import { memo } from "react";
import { Link } from "../app/router";
import type { FollowedRun } from "./useRun";

/** The status of the run the canvas shows, which version of the flow it runs, with a link to the instance page. */
export const RunBanner = memo(function RunBanner({ run, shown, onClose }: { run: FollowedRun; shown: Set<string>; onClose: () => void }) {
  // Only the activities on this canvas count (not the root flowchart, nor activities inside containers).
  const counts = { done: 0, running: 0, faulted: 0, waiting: 0 } as Record<string, number>;
  for (const [id, status] of Object.entries(run.activities.status)) if (shown.has(id)) counts[status] = (counts[status] ?? 0) + 1;
  return (
    <div className={`run-banner run-${run.status.toLowerCase()}`} role="status" aria-label="Run status">
      <span>
        Run <Link to={`instances/${encodeURIComponent(run.instanceId)}`}>{run.instanceId}</Link>
        {run.version !== undefined && <span className="run-version"> of version {run.version}</span>}: <strong className="run-status">{run.status}</strong>
      </span>
      <span className="designer-muted">
        {counts.done} done{counts.running ? `, ${counts.running} running` : ""}{counts.waiting ? `, ${counts.waiting} waiting` : ""}
        {counts.faulted ? `, ${counts.faulted} faulted` : ""}
      </span>
      {run.error && <span className="error">{run.error}</span>}
      <button type="button" className="link" onClick={onClose}>
        Clear run
      </button>
    </div>
  );
});
