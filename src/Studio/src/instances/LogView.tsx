import { memo, useState } from "react";
import type { LogEntry } from "../api/instances";
import { EmptyState } from "../ui/EmptyState";

/** The lines of a log that match a search, case-insensitive, in message, activity or level. */
export function matchingLines(logs: LogEntry[], search: string): LogEntry[] {
  const needle = search.trim().toLowerCase();
  if (!needle) return logs;
  return logs.filter((l) => [l.message, l.activityId ?? "", l.level].some((text) => text.toLowerCase().includes(needle)));
}

/** The instance's log (level, time, activity, message) with a search box that filters the lines. */
export const LogView = memo(function LogView({ logs }: { logs: LogEntry[] }) {
  const [search, setSearch] = useState("");
  const lines = matchingLines(logs, search);
  return (
    <div className="log-view">
      <label className="log-search">
        Search log{" "}
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="text, activity or level" />
        <span className="muted"> {lines.length} of {logs.length} lines</span>
      </label>
      {logs.length === 0 ? (
        <EmptyState title="No log lines" detail="Activities write here (Log activities, files written, warnings)." />
      ) : lines.length === 0 ? (
        <EmptyState title="No line matches" detail={`No log line contains "${search}".`} />
      ) : (
        <table className="log" aria-label="Log">
          <thead>
            <tr><th scope="col">Level</th><th scope="col">Time</th><th scope="col">Activity</th><th scope="col">Message</th></tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.sequence} className={`log-${l.level.toLowerCase()}`}>
                <td>{l.level}</td>
                <td title={l.timestamp}>{new Date(l.timestamp).toLocaleTimeString()}</td>
                <td>{l.activityId ?? ""}</td>
                <td className="log-message">{l.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
});
