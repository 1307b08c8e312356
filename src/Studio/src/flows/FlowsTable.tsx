import { memo } from "react";
import { FlowRow, type FlowActions } from "./FlowRow";
import type { WorkflowSummary } from "./flowTypes";

/** The table of flows; the caller handles the empty and loading states. */
export const FlowsTable = memo(function FlowsTable({ flows, actions, highlight, busy }: {
  flows: WorkflowSummary[];
  actions: FlowActions | null;
  highlight: string | null;
  busy: boolean;
}) {
  return (
    <table className="flows-table" aria-label="Flows">
      <thead>
        <tr>
          <th scope="col">Flow</th>
          <th scope="col">Status</th>
          <th scope="col">Updated</th>
          <th scope="col">Last run</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {flows.map((flow) => (
          <FlowRow key={flow.definitionId} flow={flow} actions={actions} highlighted={flow.definitionId === highlight} busy={busy} />
        ))}
      </tbody>
    </table>
  );
});
