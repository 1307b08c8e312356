import { useCallback, useMemo, useState } from "react";
import { api, ApiError } from "../api/client";
import type { FlowDocument } from "../api/types";
import { Link, navigate } from "../app/router";
import { session } from "../auth/session";
import { ErrorBanner } from "../ui/ErrorBanner";
import { DeleteFlowDialog } from "./DeleteFlowDialog";
import { copyOf, nextCopyId, type FlowFormat } from "./flowModel";
import type { FlowActions } from "./FlowRow";
import { FlowListBody } from "./FlowListBody";
import type { WorkflowDetails } from "../api/types";
import type { WorkflowSummary } from "./flowTypes";
import { ImportButton } from "./ImportButton";
import { NewFlowDialog } from "./NewFlowDialog";
import { relabel } from "./relabel";
import { useDebounced, useFlows } from "./useFlows";
import "./flows.css";
import { importNotes } from "./importNotes";

type Notice = { text: string; definitionId?: string };

/** The flows list: search, version state and newest run of every definition; create, import, duplicate, export, delete. */
export function FlowsPage() {
  const canEdit = session.canEdit();
  const [search, setSearch] = useState("");
  const query = useDebounced(search, 250);
  const [version, setVersion] = useState(0);
  const { flows, error: loadError } = useFlows(query, version);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ kind: "new" } | { kind: "delete"; definitionId: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = () => setVersion((v) => v + 1);
  const show = (text: string, definitionId?: string) => {
    setNotice({ text, definitionId });
    setHighlight(definitionId ?? null);
  };

  const duplicate = useCallback(async (id: string) => {
    setBusy(true);
    setError(null);
    try {
      // The export keeps sensitive literals that GET masks as ***, so the copy runs like the original.
      const document = await api.get<FlowDocument>(`/workflows/${encodeURIComponent(id)}/export?format=json`);
      const taken = await api.get<WorkflowSummary[]>(`/workflows?search=${encodeURIComponent(`${id}-copy`)}`);
      const copy = await api.post<WorkflowDetails>("/workflows", copyOf(document, nextCopyId(id, taken.map((f) => f.definitionId))));
      setSearch("");
      show(`Duplicated ${id} as ${copy.definitionId}.`, copy.definitionId);
      reload();
    } catch (e) {
      setError(relabel(e, `Cannot duplicate ${id}`));
    } finally {
      setBusy(false);
    }
  }, []);

  const exportAs = useCallback(async (id: string, format: FlowFormat) => {
    setError(null);
    try {
      await api.download(`/workflows/${encodeURIComponent(id)}/export?format=${format}`, `${id}.${format}`);
    } catch (e) {
      setError(relabel(e, `Cannot export ${id}`));
    }
  }, []);

  const actions = useMemo<FlowActions | null>(
    () => (canEdit ? { duplicate, exportAs, remove: (definitionId) => setDialog({ kind: "delete", definitionId }) } : null),
    [canEdit, duplicate, exportAs],
  );

  const onImported = (details: WorkflowDetails, fileName: string) => {
    setSearch("");
    reload();
    const what = `${details.definitionId} v${details.version}`;
    const notes = importNotes(details.document);
    const from = notes ? ` (${notes.format}${notes.warnings.length ? `, ${notes.warnings.length} warning${notes.warnings.length === 1 ? "" : "s"}: ${notes.warnings.join("; ")}` : ""})` : "";
    if (details.problems.length === 0) {
      show(`Imported ${fileName}${from} as ${what}.`, details.definitionId);
      return;
    }
    // A draft may hold problems (the server saved it); say so, with every problem, before anyone tries to publish.
    setHighlight(details.definitionId);
    setNotice(null);
    setError(
      new ApiError({
        status: 0,
        title: `Imported ${fileName} as draft ${what}, with ${details.problems.length} problem${details.problems.length === 1 ? "" : "s"}`,
        detail: "Fix them in the designer before publishing.",
        problems: details.problems,
      }),
    );
  };

  return (
    <div className="flows-page">
      <div className="page-header">
        <h1>Flows</h1>
        <input
          type="search"
          aria-label="Search flows"
          placeholder="Search by id or name"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {canEdit && (
          <div className="page-actions">
            <ImportButton onStart={() => setError(null)} onImported={onImported} onError={setError} />
            <button type="button" className="primary" onClick={() => setDialog({ kind: "new" })}>
              New flow
            </button>
          </div>
        )}
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {notice && (
        <p role="status" className="flows-notice">
          {notice.text}{" "}
          {notice.definitionId && <Link to={`flows/${encodeURIComponent(notice.definitionId)}`}>Open {notice.definitionId}</Link>}
        </p>
      )}
      <FlowListBody flows={flows} loadError={loadError} query={query} canEdit={canEdit} actions={actions} highlight={highlight} busy={busy} />
      {dialog?.kind === "new" && (
        <NewFlowDialog onClose={() => setDialog(null)} onCreated={(id) => navigate(`flows/${encodeURIComponent(id)}`)} />
      )}
      {dialog?.kind === "delete" && (
        <DeleteFlowDialog
          definitionId={dialog.definitionId}
          onClose={() => setDialog(null)}
          onDeleted={() => {
            setDialog(null);
            show(`Deleted ${dialog.definitionId}.`);
            reload();
          }}
        />
      )}
    </div>
  );
}
