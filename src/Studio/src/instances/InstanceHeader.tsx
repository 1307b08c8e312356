import { memo } from "react";
import { Link } from "../app/router";
import type { InstanceDetails } from "../api/instances";
import { session } from "../auth/session";
import { InstanceActions } from "./InstanceActions";
import { StatusBadge } from "./StatusBadge";
import { timeText } from "./time";

/** The instance's flow, version, status, times and error, with the actions for those who may act. */
export const InstanceHeader = memo(function InstanceHeader({ details, flowName, onChanged }: {
  details: InstanceDetails;
  flowName?: string;
  onChanged: () => void;
}) {
  const { instance, faultedActivityId } = details;
  return (
    <header className="instance-header">
      <div className="instance-title">
        <h1>
          <Link to={`flows/${encodeURIComponent(instance.definitionId)}`}>{flowName || instance.definitionId}</Link>{" "}
          <span className="muted">v{instance.definitionVersion}</span> <StatusBadge status={instance.status} />
        </h1>
        <dl className="instance-facts">
          <div><dt>Instance</dt><dd className="mono">{instance.id}</dd></div>
          <div><dt>Created</dt><dd>{timeText(instance.createdAt)}</dd></div>
          <div><dt>Updated</dt><dd>{timeText(instance.updatedAt)}</dd></div>
          {instance.finishedAt && <div><dt>Finished</dt><dd>{timeText(instance.finishedAt)}</dd></div>}
          {instance.correlationId && <div><dt>Correlation id</dt><dd className="mono">{instance.correlationId}</dd></div>}
        </dl>
        {instance.error && (
          <p className="instance-error" role="alert">
            {faultedActivityId ? <>Activity <strong>{faultedActivityId}</strong> faulted: </> : "Faulted: "}
            {instance.error}
          </p>
        )}
      </div>
      {session.canEdit() && <InstanceActions details={details} onChanged={onChanged} />}
    </header>
  );
});
