import { memo } from "react";
import type { WorkflowStatus } from "../api/instances";

/** An instance status as a coloured badge (Running blue, Suspended amber, Finished green, Faulted red, Cancelled grey). */
export const StatusBadge = memo(function StatusBadge({ status }: { status: WorkflowStatus }) {
  return <span className={`status-badge status-${status.toLowerCase()}`} data-status={status}>{status}</span>;
});
