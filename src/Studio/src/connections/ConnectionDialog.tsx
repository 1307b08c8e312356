import { memo, useState, type FormEvent } from "react";
import type { ConnectionInfo } from "../api/connections";
import { connectionsApi } from "../api/connections";
import { Dialog } from "../flows/Dialog";
import { ErrorBanner } from "../ui/ErrorBanner";
import {
  connectionChange, connectionNameProblem, fieldsOf, kindProblem, KnownKinds, newConnection, parseOptions, type ConnectionFields,
} from "./connectionForm";

/**
 * Creates a connection, or edits one (`editing`): the name is fixed then, and the connection string field is
 * write-only, empty meaning "keep the stored one" (the Studio never receives it).
 */
export const ConnectionDialog = memo(function ConnectionDialog({ editing, onSaved, onClose }: {
  editing: ConnectionInfo | null;
  onSaved: (connection: ConnectionInfo) => void;
  onClose: () => void;
}) {
  const [fields, setFields] = useState<ConnectionFields>(
    editing ? fieldsOf(editing) : { name: "", kind: "postgres", connectionString: "", options: "" });
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (change: Partial<ConnectionFields>) => setFields((f) => ({ ...f, ...change }));
  const options = parseOptions(fields.options);
  const problems = {
    name: editing ? null : connectionNameProblem(fields.name.trim()),
    kind: kindProblem(fields.kind.trim()),
    connectionString: !editing && !fields.connectionString ? "A new connection needs its connection string." : null,
    options: typeof options === "string" ? options : null,
  };
  const invalid = Object.values(problems).some(Boolean);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (invalid || typeof options === "string") return;
    setBusy(true);
    setError(null);
    try {
      const saved = editing
        ? await connectionsApi.update(editing.name, connectionChange(fields, options))
        : await connectionsApi.create(newConnection(fields, options));
      onSaved(saved);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  const hint = (problem: string | null, help: string) => (
    <small className={touched && problem ? "error" : "muted"}>{touched && problem ? problem : help}</small>
  );

  return (
    <Dialog title={editing ? `Edit connection ${editing.name}` : "New connection"} onClose={onClose}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <label>
          Name
          <input autoFocus={!editing} value={fields.name} disabled={!!editing} onChange={(e) => set({ name: e.target.value })}
            aria-invalid={touched && !!problems.name} placeholder="warehouse" spellCheck={false} />
        </label>
        {hint(problems.name, "Flows name the connection with \"connection\": \"…\"; it cannot change later.")}
        <label>
          Kind
          <input list="connection-kinds" value={fields.kind} onChange={(e) => set({ kind: e.target.value })}
            aria-invalid={touched && !!problems.kind} spellCheck={false} />
        </label>
        <datalist id="connection-kinds">
          {KnownKinds.map((k) => <option key={k} value={k} />)}
        </datalist>
        {hint(problems.kind, "The client to use: " + KnownKinds.join(", ") + ".")}
        <label>
          Connection string
          <input type="password" autoComplete="off" autoFocus={!!editing} value={fields.connectionString}
            onChange={(e) => set({ connectionString: e.target.value })} aria-invalid={touched && !!problems.connectionString}
            placeholder={editing ? "unchanged" : "Host=db;Database=sales;Username=etl;Password=…"} spellCheck={false} />
        </label>
        {hint(problems.connectionString, editing
          ? `Stored encrypted; shown as ${editing.redacted ?? "***"}. Leave empty to keep it.`
          : "Stored encrypted; never shown again, not even to admins.")}
        <label>
          Options
          <textarea rows={3} value={fields.options} onChange={(e) => set({ options: e.target.value })}
            aria-invalid={touched && !!problems.options} placeholder="schema=public" spellCheck={false} />
        </label>
        {hint(problems.options, "One key=value per line; not secret.")}
        <ErrorBanner error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" disabled={busy}>{busy ? "Saving…" : editing ? "Save" : "Create"}</button>
        </div>
      </form>
    </Dialog>
  );
});
