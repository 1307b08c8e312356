import { memo, useState, type FormEvent } from "react";
import { api } from "../api/client";
import { ErrorBanner } from "../ui/ErrorBanner";
import { Dialog } from "./Dialog";
import { definitionIdProblem, emptyFlow } from "./flowModel";
import type { WorkflowDetails } from "../api/types";

/** Asks for the id and name of a new flow, creates it as an empty Flowchart and hands back its id. */
export const NewFlowDialog = memo(function NewFlowDialog({ onCreated, onClose }: { onCreated: (definitionId: string) => void; onClose: () => void }) {
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const idProblem = definitionIdProblem(id.trim());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (idProblem) return;
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<WorkflowDetails>("/workflows", emptyFlow(id.trim(), name));
      onCreated(created.definitionId);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Dialog title="New flow" onClose={onClose}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <label>
          Id
          <input
            autoFocus
            value={id}
            onChange={(e) => setId(e.target.value)}
            onBlur={() => setTouched(true)}
            aria-invalid={touched && !!idProblem}
            aria-describedby="new-flow-id-help"
            placeholder="sales-report"
            spellCheck={false}
          />
        </label>
        <small id="new-flow-id-help" className={touched && idProblem ? "error" : "muted"}>
          {touched && idProblem ? idProblem : "The id names the flow in URLs and the API; it cannot change later."}
        </small>
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Sales report" />
        </label>
        <ErrorBanner error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Creating…" : "Create"}
          </button>
        </div>
      </form>
    </Dialog>
  );
});
