import { useState, type FormEvent } from "react";
import { ErrorBanner } from "../ui/ErrorBanner";
import { Dialog } from "./Dialog";

/** Asks for the id of an editable copy of a read-only (file) definition. */
export function SaveAsCopyDialog({ definitionId, onSave, onClose }: { definitionId: string; onSave: (id: string) => Promise<void>; onClose: () => void }) {
  const [id, setId] = useState(`${definitionId}-copy`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave(id.trim());
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog title="Save as copy" onClose={onClose}>
      <form className="run-dialog" onSubmit={submit}>
        <p className="designer-muted">This flow comes from a file and is read-only here. The copy is an ordinary draft you can edit.</p>
        <label>
          <span>New flow id</span>
          <input value={id} onChange={(e) => setId(e.target.value)} required />
        </label>
        <ErrorBanner error={error} />
        <footer>
          <button type="submit" className="primary" disabled={busy || !id.trim()}>
            Save copy
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
