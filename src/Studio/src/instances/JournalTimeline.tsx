import { memo } from "react";
import type { JournalEntry } from "../api/instances";
import { EmptyState } from "../ui/EmptyState";
import { nodeText, ranOnSeveralNodes } from "./nodeText";
import { durationText } from "./time";

/** "ActivityCompleted" -> "Activity completed". */
export function kindText(kind: string) {
  return kind.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/ (\w)/g, (_, c: string) => ` ${c.toLowerCase()}`);
}

/**
 * The instance's journal as a timeline: time, activity, event, node (when the activities ran on several nodes) and
 * details; faults in red. Clicking an activity selects it.
 */
export const JournalTimeline = memo(function JournalTimeline({ journal, activities, onSelect }: {
  journal: JournalEntry[];
  /** The activities on the graph: only those can be selected (the root flowchart is not a node). */
  activities: ReadonlySet<string>;
  onSelect: (activityId: string) => void;
}) {
  if (journal.length === 0) return <EmptyState title="No journal yet" detail="The instance has not recorded anything yet." />;
  const showNodes = ranOnSeveralNodes(journal);
  return (
    <table className="journal" aria-label="Journal">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Activity</th>
          <th scope="col">Event</th>
          {showNodes && <th scope="col">Node</th>}
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {journal.map((e) => {
          const fault = e.kind.endsWith("Faulted");
          const details = [
            e.port && `port ${e.port}`,
            e.attempt && e.attempt > 1 ? `attempt ${e.attempt}` : "",
            e.rowCount != null ? `${e.rowCount.toLocaleString()} rows` : "",
            durationText(e.duration),
          ].filter(Boolean).join(" · ");
          return (
            <tr key={e.sequence} className={`journal-${e.kind.startsWith("Workflow") ? "workflow" : "activity"}${fault ? " fault" : ""}`} data-kind={e.kind}>
              <td className="journal-time" title={e.timestamp}>{new Date(e.timestamp).toLocaleTimeString()}</td>
              <td>
                {e.activityId && activities.has(e.activityId) ? (
                  <button type="button" className="link" onClick={() => onSelect(e.activityId!)}>{e.activityId}</button>
                ) : (
                  e.activityId
                )}
                {e.activityType && <span className="muted"> {e.activityType}</span>}
              </td>
              <td className="journal-kind">{kindText(e.kind)}</td>
              {showNodes && <td className="journal-node" title={e.nodeId ?? undefined}>{e.nodeId ? nodeText(e.nodeId) : ""}</td>}
              <td>
                {details && <span className="muted">{details}</span>}
                {e.message && <span className="journal-message">{details ? " · " : ""}{e.message}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});
