import { memo, useState } from "react";
import { api } from "../api/client";
import { ErrorBanner } from "../ui/ErrorBanner";
import { Dialog } from "./Dialog";

/** Asks before deleting a flow (every version goes); Cancel has the focus, so Enter alone never deletes. */
export const DeleteFlowDialog = memo(function DeleteFlowDialog({ definitionId, onDeleted, onClose }: {
  definitionId: string;
  onDeleted: () => void;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.delete(`/workflows/${encodeURIComponent(definitionId)}`);
      onDeleted();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Delete flow ${definitionId}?`} onClose={onClose}>
      <p>Every version of <strong>{definitionId}</strong> is deleted. Its past runs stay in the instance list.</p>
      <ErrorBanner error={error} />
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="danger" disabled={busy} onClick={remove}>
          {busy ? "Deleting…" : "Delete"}
        </button>
      </div>
    </Dialog>
  );
});
