import { memo, useState, type FormEvent } from "react";
import { instancesApi } from "../api/instances";
import { ErrorBanner } from "../ui/ErrorBanner";
import { JsonField } from "./JsonField";
import { parseJson } from "./jsonText";

/** Raises a named event: every instance waiting on an Event activity with that name continues with the payload. */
export const RaiseEventForm = memo(function RaiseEventForm({ initialName, onDone, onClose }: {
  initialName: string;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState(initialName);
  const [payload, setPayload] = useState("{}");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const parsed = parseJson(payload);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!parsed.ok || !name.trim()) return;
    setBusy(true);
    try {
      const raised = await instancesApi.raiseEvent(name.trim(), parsed.value);
      onDone(`Event '${raised.name}' resumed ${raised.resumed} instance${raised.resumed === 1 ? "" : "s"}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="action-form" aria-label="Raise event" onSubmit={submit}>
      <label>
        Event name
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <JsonField label="Event payload" value={payload} onChange={setPayload} />
      <ErrorBanner error={error} />
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={busy || !parsed.ok || !name.trim()}>Raise event</button>
        <button type="button" onClick={onClose}>Close</button>
      </div>
    </form>
  );
});
