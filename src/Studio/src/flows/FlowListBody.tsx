import { memo } from "react";
import { EmptyState } from "../ui/EmptyState";
import { ErrorBanner } from "../ui/ErrorBanner";
import type { FlowActions } from "./FlowRow";
import { FlowsTable } from "./FlowsTable";
import type { WorkflowSummary } from "./flowTypes";
import { relabel } from "./relabel";

/** The list part of the flows page: loading, load error, empty (with or without a search) or the table. */
export const FlowListBody = memo(function FlowListBody({ flows, loadError, query, canEdit, actions, highlight, busy }: {
  flows: WorkflowSummary[] | null;
  loadError: unknown;
  query: string;
  canEdit: boolean;
  actions: FlowActions | null;
  highlight: string | null;
  busy: boolean;
}) {
  if (loadError) return <ErrorBanner error={relabel(loadError, "Cannot load the flows")} />;
  if (!flows) return <p className="muted" aria-busy="true">Loading flows…</p>;
  if (flows.length === 0 && query.trim())
    return <EmptyState title={`No flow matches "${query.trim()}"`} detail="Search looks in ids and names; clear the box to see every flow." />;
  if (flows.length === 0)
    return (
      <EmptyState
        title="No flows yet"
        detail={
          canEdit
            ? "Create one with New flow, import a JSON, YAML or XML file, or put flow files in the server's workflows folder."
            : "Flows appear here once an editor creates them or puts flow files in the server's workflows folder."
        }
      />
    );
  return <FlowsTable flows={flows} actions={actions} highlight={highlight} busy={busy} />;
});
