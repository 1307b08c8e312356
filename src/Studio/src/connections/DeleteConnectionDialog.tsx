import { memo, useState } from "react";
import { connectionsApi } from "../api/connections";
import { Dialog } from "../flows/Dialog";
import { ErrorBanner } from "../ui/ErrorBanner";

/** Asks before deleting a connection; Cancel has the focus, so Enter alone never deletes. */
export const DeleteConnectionDialog = memo(function DeleteConnectionDialog({ name, onDeleted, onClose }: {
  name: string;
  onDeleted: () => void;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await connectionsApi.remove(name);
      onDeleted();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Delete connection ${name}?`} onClose={onClose}>
      <p>Flows that name <strong>{name}</strong> fail until a connection of that name exists again.</p>
      <ErrorBanner error={error} />
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onClose}>Cancel</button>
        <button type="button" className="danger" disabled={busy} onClick={remove}>{busy ? "Deleting…" : "Delete"}</button>
      </div>
    </Dialog>
  );
});
