import { memo } from "react";
import type { ConnectionInfo, ConnectionTestResult } from "../api/connections";

/** What an editor can do with a row; null for viewers (who see names and kinds only). */
export interface ConnectionActions {
  edit: (connection: ConnectionInfo) => void;
  test: (connection: ConnectionInfo) => void;
  remove: (connection: ConnectionInfo) => void;
}

/** The connections with their redacted connection string, the last test's outcome and (for editors) the actions. */
export const ConnectionsTable = memo(function ConnectionsTable({ connections, actions, tests, testing }: {
  connections: ConnectionInfo[];
  actions: ConnectionActions | null;
  tests: Record<string, ConnectionTestResult>;
  testing: string | null;
}) {
  return (
    <table aria-label="Connections">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Kind</th>
          {actions && <th scope="col">Connection</th>}
          {actions && <th scope="col">Test</th>}
          {actions && <th scope="col"><span className="visually-hidden">Actions</span></th>}
        </tr>
      </thead>
      <tbody>
        {connections.map((c) => {
          const test = tests[c.name];
          return (
            <tr key={c.name}>
              <td className="flow-id">{c.name}</td>
              <td>{c.kind}</td>
              {actions && <td className="muted">{c.redacted}</td>}
              {actions && (
                <td>
                  {testing === c.name ? (
                    <span className="muted" aria-busy="true">testing…</span>
                  ) : test ? (
                    <span className={test.succeeded ? "badge badge-finished" : "badge badge-faulted"} title={test.message}>
                      {test.succeeded ? "ok" : "failed"}: {test.message}
                    </span>
                  ) : null}
                </td>
              )}
              {actions && (
                <td className="actions">
                  <button type="button" aria-label={`Test ${c.name}`} disabled={testing !== null} onClick={() => actions.test(c)}>
                    Test
                  </button>
                  <button type="button" aria-label={`Edit ${c.name}`} onClick={() => actions.edit(c)}>
                    Edit
                  </button>
                  <button type="button" className="danger" aria-label={`Delete ${c.name}`} onClick={() => actions.remove(c)}>
                    Delete
                  </button>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});
