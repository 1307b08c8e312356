import { memo } from "react";

/** A small coloured label: a flow's draft/published state or an instance's status. */
export const StatusBadge = memo(function StatusBadge({ tone, children }: { tone: string; children: string }) {
  return <span className={`badge badge-${tone.toLowerCase()}`}>{children}</span>;
});
