import { memo, useState, type FormEvent } from "react";
import { instancesApi, type Bookmark } from "../api/instances";
import { ErrorBanner } from "../ui/ErrorBanner";
import { JsonField } from "./JsonField";
import { parseJson } from "./jsonText";

/** Resumes one of the bookmarks the instance waits on, with a JSON payload (a Pause's payload becomes its output). */
export const ResumeForm = memo(function ResumeForm({ instanceId, bookmarks, onDone, onClose }: {
  instanceId: string;
  bookmarks: Bookmark[];
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const [bookmarkId, setBookmarkId] = useState(bookmarks[0]?.id ?? "");
  const [payload, setPayload] = useState("{}");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const parsed = parseJson(payload);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!parsed.ok || !bookmarkId) return;
    setBusy(true);
    try {
      await instancesApi.resume(instanceId, bookmarkId, parsed.value);
      const bookmark = bookmarks.find((b) => b.id === bookmarkId);
      onDone(`Resumed ${bookmark?.activityId ?? bookmarkId}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="action-form" aria-label="Resume" onSubmit={submit}>
      <fieldset>
        <legend>Bookmark to resume</legend>
        {bookmarks.map((b) => (
          <label key={b.id} className="bookmark-option">
            <input type="radio" name="bookmark" value={b.id} checked={bookmarkId === b.id} onChange={() => setBookmarkId(b.id)} />
            <span><strong>{b.activityId}</strong> <span className="muted">{b.name}{b.matchKey ? ` '${b.matchKey}'` : ""}</span></span>
            {b.resumeAt && <span className="muted"> resumes by itself at {new Date(b.resumeAt).toLocaleString()}</span>}
            <code className="muted">{b.id}</code>
          </label>
        ))}
      </fieldset>
      <JsonField label="Payload" value={payload} onChange={setPayload} />
      <ErrorBanner error={error} />
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={busy || !parsed.ok || !bookmarkId}>Resume instance</button>
        <button type="button" onClick={onClose}>Close</button>
      </div>
    </form>
  );
});
