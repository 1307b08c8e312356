import { memo, useEffect, useRef } from "react";
import { Link } from "../app/router";
import { When } from "../ui/When";
import { ExportMenu } from "./ExportMenu";
import { isPublished, versionLabel, type FlowFormat } from "./flowModel";
import type { WorkflowSummary } from "./flowTypes";
import { StatusBadge } from "./StatusBadge";

/** What a row can do; the page leaves them out for viewers. */
export interface FlowActions {
  duplicate: (definitionId: string) => void;
  remove: (definitionId: string) => void;
  exportAs: (definitionId: string, format: FlowFormat) => void;
}

/** One flow in the list: name and id, version state, last update, newest run, and its actions. */
export const FlowRow = memo(function FlowRow({ flow, actions, highlighted, busy }: {
  flow: WorkflowSummary;
  actions: FlowActions | null;
  highlighted: boolean;
  busy: boolean;
}) {
  const row = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (highlighted) row.current?.scrollIntoView({ block: "nearest" });
  }, [highlighted]);
  const id = flow.definitionId;
  const route = `flows/${encodeURIComponent(id)}`;
  return (
    <tr ref={row} className={highlighted ? "highlighted" : undefined} data-flow={id}>
      <td>
        <Link to={route} className="flow-name">{flow.name || id}</Link>
        <div className="flow-id">{id}</div>
      </td>
      <td>
        <StatusBadge tone={isPublished(flow) ? "published" : "draft"}>{versionLabel(flow)}</StatusBadge>
        {flow.isReadOnly && (
          <span className="read-only" title="Comes from a file in the workflows folder: duplicate it to change it here">
            read-only
          </span>
        )}
      </td>
      <td>
        <When value={flow.updatedAt} compact />
      </td>
      <td>
        {flow.lastRun ? (
          <>
            <Link to={`instances/${encodeURIComponent(flow.lastRun.instanceId)}`} aria-label={`Last run of ${id}: ${flow.lastRun.status}`}>
              <StatusBadge tone={flow.lastRun.status}>{flow.lastRun.status.toLowerCase()}</StatusBadge>
            </Link>{" "}
            <When value={flow.lastRun.createdAt} compact />
          </>
        ) : (
          <span className="muted">never run</span>
        )}
      </td>
      <td>
        <div className="row-actions">
          <Link to={route} aria-label={`Open ${id}`}>
            Open
          </Link>
          {actions && (
            <>
              <button type="button" disabled={busy} aria-label={`Duplicate ${id}`} onClick={() => actions.duplicate(id)}>
                Duplicate
              </button>
              <ExportMenu definitionId={id} onExport={actions.exportAs} />
              {!flow.isReadOnly && (
                <button type="button" className="danger" disabled={busy} aria-label={`Delete ${id}`} onClick={() => actions.remove(id)}>
                  Delete
                </button>
              )}
            </>
          )}
        </div>
      </td>
    </tr>
  );
});
