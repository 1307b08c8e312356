import { memo, useState } from "react";
import { navigate } from "../app/router";
import { instancesApi, type InstanceDetails } from "../api/instances";
import { ErrorBanner } from "../ui/ErrorBanner";
import { RaiseEventForm } from "./RaiseEventForm";
import { ResumeForm } from "./ResumeForm";

type Form = "resume" | "event" | "delete" | null;

/** What an operator can do to an instance: cancel, resume, raise an event, retry, delete. Viewers never see it. */
export const InstanceActions = memo(function InstanceActions({ details, onChanged }: { details: InstanceDetails; onChanged: () => void }) {
  const { instance, bookmarks } = details;
  const [form, setForm] = useState<Form>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const [error, setError] = useState<unknown>(null);
  const waiting = instance.status === "Running" || instance.status === "Suspended";

  const run = async (what: string, action: () => Promise<unknown>, after = onChanged) => {
    setBusy(true);
    setError(null);
    setMessage("");
    try {
      await action();
      setMessage(what);
      setForm(null);
      after();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const done = (text: string) => {
    setMessage(text);
    setForm(null);
    onChanged();
  };
  const toggle = (next: Form) => setForm(form === next ? null : next);

  return (
    <div className="instance-actions">
      <div className="instance-action-buttons" role="toolbar" aria-label="Instance actions">
        {waiting && <button type="button" disabled={busy} onClick={() => run("Cancel requested", () => instancesApi.cancel(instance.id))}>Cancel</button>}
        {instance.status === "Suspended" && bookmarks.length > 0 && (
          <button type="button" aria-expanded={form === "resume"} onClick={() => toggle("resume")}>Resume…</button>
        )}
        {waiting && <button type="button" aria-expanded={form === "event"} onClick={() => toggle("event")}>Raise event…</button>}
        {instance.status === "Faulted" && (
          <button type="button" className="primary" disabled={busy} onClick={() => run("Retry started", () => instancesApi.retry(instance.id))}>Retry</button>
        )}
        <button type="button" className="danger" aria-expanded={form === "delete"} onClick={() => toggle("delete")}>Delete…</button>
      </div>
      {message && <p className="action-message" role="status">{message}</p>}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {form === "resume" && <ResumeForm instanceId={instance.id} bookmarks={bookmarks} onDone={done} onClose={() => setForm(null)} />}
      {form === "event" && (
        <RaiseEventForm initialName={bookmarks.find((b) => b.name === "Event")?.matchKey ?? ""} onDone={done} onClose={() => setForm(null)} />
      )}
      {form === "delete" && (
        <div className="action-form" role="group" aria-label="Confirm delete">
          <p>Delete instance {instance.id} with its journal, log and data?{waiting ? " It is cancelled first." : ""}</p>
          <div className="form-buttons">
            <button type="button" className="danger" disabled={busy}
              onClick={() => run("Deleted", () => instancesApi.remove(instance.id), () => navigate("instances"))}>
              Delete instance
            </button>
            <button type="button" onClick={() => setForm(null)}>Keep</button>
          </div>
        </div>
      )}
    </div>
  );
});
