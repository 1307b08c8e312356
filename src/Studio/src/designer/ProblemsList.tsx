import { memo } from "react";
import type { ValidationError } from "../api/client";

/** Problems that belong to the flow rather than one activity (or to an activity no longer on the canvas). */
export const ProblemsList = memo(function ProblemsList({ problems, total, failed }: { problems: ValidationError[]; total: number; failed?: unknown }) {
  if (failed) {
    return (
      <p className="designer-problems" role="alert">
        Live validation failed ({failed instanceof Error ? failed.message : String(failed)}): the problems shown on the activities may be out of date.
      </p>
    );
  }
  if (total === 0) return <p className="designer-problems ok" role="status">No problems found.</p>;
  return (
    <section className="designer-problems" aria-label="Problems">
      <strong>{total === 1 ? "1 problem" : `${total} problems`}</strong>
      {problems.length < total && <span className="designer-muted"> ({total - problems.length} shown on the activities)</span>}
      {problems.length > 0 && (
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              {p.activityId && p.activityId !== "root" ? `${p.activityId}: ` : ""}
              {p.field ? `${p.field}: ` : ""}
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
