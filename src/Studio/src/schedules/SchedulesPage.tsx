import { Link } from "../app/router";
import { EmptyState } from "../ui/EmptyState";
import { ErrorBanner } from "../ui/ErrorBanner";
import { When } from "../ui/When";
import { relabel } from "../flows/relabel";
import { StatusBadge } from "../flows/StatusBadge";
import { usePolled } from "../workers/usePolled";
import "../flows/flows.css";

/** A schedule as GET /api/schedules answers it (ScheduleResponse in src/Server/Api/SchedulesApi.cs). */
interface Schedule {
  definitionId: string;
  version: number;
  activityId: string;
  cron: string;
  timeZone: string;
  missedRuns: string;
  overlap: string;
  nextRun: string | null;
  lastRun: { occurrence: string; status: string; instanceId: string | null } | null;
}

/** Cron triggers of published flows with their next and last runs, refreshed every 30 s. */
export function SchedulesPage() {
  const { data: schedules, error } = usePolled<Schedule[]>("/schedules", 30_000);
  return (
    <div>
      <div className="page-header">
        <h1>Schedules</h1>
      </div>
      {error ? <ErrorBanner error={relabel(error, "Cannot load the schedules")} /> : null}
      {!schedules && !error && <p className="muted" aria-busy="true">Loading schedules…</p>}
      {schedules && schedules.length === 0 && (
        <EmptyState title="No schedules" detail="A flow runs on a schedule once it is published with a Cron trigger activity." />
      )}
      {schedules && schedules.length > 0 && (
        <table aria-label="Schedules">
          <thead>
            <tr>
              <th scope="col">Flow</th>
              <th scope="col">Trigger</th>
              <th scope="col">Cron</th>
              <th scope="col">Next run</th>
              <th scope="col">Last run</th>
              <th scope="col">Missed runs / overlap</th>
            </tr>
          </thead>
          <tbody>
            {schedules.map((s) => (
              <tr key={`${s.definitionId}/${s.activityId}`}>
                <td>
                  <Link to={`flows/${encodeURIComponent(s.definitionId)}`} className="flow-name">{s.definitionId}</Link>
                  <div className="flow-id">published v{s.version}</div>
                </td>
                <td className="flow-id">{s.activityId}</td>
                <td>
                  <code>{s.cron}</code> <span className="muted">{s.timeZone}</span>
                </td>
                <td>{s.nextRun ? <When value={s.nextRun} /> : <span className="muted">no further run</span>}</td>
                <td>
                  {s.lastRun ? (
                    <>
                      {s.lastRun.instanceId ? (
                        <Link to={`instances/${encodeURIComponent(s.lastRun.instanceId)}`}>
                          <StatusBadge tone={s.lastRun.status}>{s.lastRun.status.toLowerCase()}</StatusBadge>
                        </Link>
                      ) : (
                        <StatusBadge tone={s.lastRun.status}>{s.lastRun.status.toLowerCase()}</StatusBadge>
                      )}{" "}
                      <When value={s.lastRun.occurrence} />
                    </>
                  ) : (
                    <span className="muted">not yet</span>
                  )}
                </td>
                <td className="muted">
                  {s.missedRuns} / {s.overlap}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
