import { memo } from "react";
import type { JournalEntry } from "../api/instances";
import type { ActivityNodeData } from "../graph/flowGraph";
import { behaviourRows, inputRows, valueText, type InputRow } from "./activityInputs";
import { kindText } from "./JournalTimeline";
import { nodeText } from "./nodeText";
import { durationText } from "./time";

/** The selected activity: its type and status, its inputs as the flow sets them, its output, and its journal lines. */
export const ActivityDetails = memo(function ActivityDetails({ data, output, hasOutput, journal }: {
  data: ActivityNodeData;
  output: unknown;
  hasOutput: boolean;
  journal: JournalEntry[];
}) {
  const { activity, descriptor } = data;
  const inputs = inputRows(activity, descriptor);
  const behaviours = behaviourRows(activity);
  return (
    <div className="activity-details" aria-label={`Activity ${activity.id}`}>
      <h3>
        {activity.id} <span className="muted">{activity.type}</span>{" "}
        {data.status && <span className={`activity-status status-${data.status}`}>{data.status}</span>}
        {data.rows !== undefined && <span className="muted"> {data.rows === null ? "rows not counted" : `${data.rows.toLocaleString()} rows`}</span>}
      </h3>
      {descriptor?.description && <p className="muted">{descriptor.description}</p>}
      <div className="activity-details-columns">
        <section aria-label="Inputs">
          <h4>Inputs <span className="muted">(as the flow sets them)</span></h4>
          <RowsTable rows={inputs} empty="This activity sets no inputs." />
          {behaviours.length > 0 && (
            <>
              <h4>Behaviours</h4>
              <RowsTable rows={behaviours} empty="" />
            </>
          )}
        </section>
        <section aria-label="Output">
          <h4>Output</h4>
          {hasOutput ? <pre className="activity-output">{valueText(output)}</pre> : <p className="muted">No output recorded.</p>}
          <h4>Runs</h4>
          {journal.length === 0 ? (
            <p className="muted">Not run in this instance.</p>
          ) : (
            <ul className="activity-runs">
              {journal.map((e) => (
                <li key={e.sequence} className={e.kind === "ActivityFaulted" ? "fault" : undefined}>
                  {new Date(e.timestamp).toLocaleTimeString()} {kindText(e.kind)}
                  {e.attempt && e.attempt > 1 ? ` (attempt ${e.attempt})` : ""} {durationText(e.duration)}
                  {e.nodeId && <span className="muted" title={e.nodeId}> on {nodeText(e.nodeId)}</span>} {e.message ?? ""}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
});

function RowsTable({ rows, empty }: { rows: InputRow[]; empty: string }) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="input-rows">
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}</th>
            <td>
              {r.syntax && <span className="syntax">{r.syntax}</span>}
              <pre className={r.sensitive ? "masked" : undefined}>{r.text}</pre>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
