import { useCallback, useEffect, useMemo, useState } from "react";
import { connectionsApi, type ConnectionInfo, type ConnectionTestResult } from "../api/connections";
import { session } from "../auth/session";
import { relabel } from "../flows/relabel";
import { EmptyState } from "../ui/EmptyState";
import { ErrorBanner } from "../ui/ErrorBanner";
import { ConnectionDialog } from "./ConnectionDialog";
import { ConnectionsTable, type ConnectionActions } from "./ConnectionsTable";
import { DeleteConnectionDialog } from "./DeleteConnectionDialog";
import "../flows/flows.css";

type Open = { kind: "new" } | { kind: "edit"; connection: ConnectionInfo } | { kind: "delete"; name: string } | null;

/** Named connections: everyone sees names and kinds; operators and admins create, edit, test and delete them. */
export function ConnectionsPage() {
  const canEdit = session.canEdit();
  const [connections, setConnections] = useState<ConnectionInfo[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<Open>(null);
  const [tests, setTests] = useState<Record<string, ConnectionTestResult>>({});
  const [testing, setTesting] = useState<string | null>(null);

  const load = useCallback(() => {
    connectionsApi.list().then(
      (list) => {
        setConnections(list);
        setError(null);
      },
      (e) => setError(relabel(e, "Cannot load the connections")),
    );
  }, []);
  useEffect(load, [load]);

  const actions = useMemo<ConnectionActions | null>(() => canEdit ? {
    edit: (connection) => setOpen({ kind: "edit", connection }),
    remove: (connection) => setOpen({ kind: "delete", name: connection.name }),
    test: (connection) => {
      setTesting(connection.name);
      connectionsApi.test(connection.name).then(
        (result) => setTests((t) => ({ ...t, [connection.name]: result })),
        (e) => setError(relabel(e, `Cannot test ${connection.name}`)),
      ).finally(() => setTesting(null));
    },
  } : null, [canEdit]);

  const saved = () => {
    setOpen(null);
    load();
  };

  return (
    <div>
      <div className="page-header">
        <h1>Connections</h1>
        {canEdit && (
          <button type="button" className="primary" onClick={() => setOpen({ kind: "new" })}>
            New connection
          </button>
        )}
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {!connections && !error && <p className="muted" aria-busy="true">Loading connections…</p>}
      {connections && connections.length === 0 && (
        <EmptyState title="No connections"
          detail={canEdit ? "Create one with New connection; flows then say \"connection\": \"its name\" instead of holding a password."
            : "Named connections appear here once an operator creates them."} />
      )}
      {connections && connections.length > 0 && <ConnectionsTable connections={connections} actions={actions} tests={tests} testing={testing} />}
      {open?.kind === "new" && <ConnectionDialog editing={null} onSaved={saved} onClose={() => setOpen(null)} />}
      {open?.kind === "edit" && <ConnectionDialog editing={open.connection} onSaved={saved} onClose={() => setOpen(null)} />}
      {open?.kind === "delete" && <DeleteConnectionDialog name={open.name} onDeleted={saved} onClose={() => setOpen(null)} />}
    </div>
  );
}
